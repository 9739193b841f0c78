/**
 * Servlet filters every request passes: security headers, same-origin proof, sign-in throttle, and
 * the sign-in that reads of the API need unless anonymous reads are configured.
 */
package dev.syngen.server.interfaces.web;
