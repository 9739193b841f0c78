/**
 * Servlet filters every request passes — security headers, same-origin proof, sign-in throttle, and
 * the sign-in that reads of the API need unless anonymous reads are configured — and the one
 * builder of the problem documents that JAX-RS, servlets, filters and the WebSocket answer with.
 */
package dev.syngen.server.interfaces.web;
