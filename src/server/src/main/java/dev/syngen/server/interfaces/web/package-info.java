/** Servlet filters every request passes: security headers, same-origin proof, sign-in throttle. */
package dev.syngen.server.interfaces.web;
