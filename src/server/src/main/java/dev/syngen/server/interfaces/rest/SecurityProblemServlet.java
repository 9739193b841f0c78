package dev.syngen.server.interfaces.rest;

import dev.syngen.server.interfaces.web.ProblemDocuments;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for 401 and 403 from the container's security checks: an RFC 7807 problem that
 * says which credentials the call needs. The status (and WWW-Authenticate) stay the container's.
 */
@WebServlet("/problem/*")
public class SecurityProblemServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute("jakarta.servlet.error.status_code");
    Object uri = req.getAttribute("jakarta.servlet.error.request_uri");
    int status = code instanceof Integer i ? i : 403;
    String title = status == 401 ? "Unauthorized" : "Forbidden";
    String detail =
        status == 401
            ? "this call needs a signed-in user: send HTTP Basic credentials of an admin"
            : "your user may not do this: changes need the admin role (viewers may only read)";
    ProblemDocuments.send(
        resp,
        ProblemDocuments.of(status, title, detail, uri == null ? null : uri.toString(), null));
  }
}
