package dev.syngen.server.interfaces.rest;

import dev.syngen.core.text.Html;
import dev.syngen.server.interfaces.web.ProblemDocuments;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for 404 and for anything that escaped the application (500): a console page for
 * console addresses, an RFC 7807 problem for the rest, never the container's default page and never
 * a stack trace. A console form posted to a view that expired opens its page again instead. An
 * unexpected failure is logged with an incident id that the answer repeats, so an operator can find
 * it without the user seeing internals.
 */
@WebServlet("/error/*")
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute("jakarta.servlet.error.status_code");
    Object uri = req.getAttribute("jakarta.servlet.error.request_uri");
    Object thrown = req.getAttribute("jakarta.servlet.error.exception");
    int status = code instanceof Integer i && i >= 400 ? i : 500;
    String path = uri == null ? "" : uri.toString();
    if (expiredView(thrown) && path.startsWith(req.getContextPath() + "/console")) {
      // a form posted after its view was dropped (server restart, long idle): open the page again
      Object query = req.getAttribute("jakarta.servlet.error.query_string");
      resp.sendRedirect(path + (query == null ? "" : "?" + query));
      return;
    }
    String incident = null;
    if (status >= 500) {
      byte[] id = new byte[6];
      RANDOM.nextBytes(id);
      incident = HexFormat.of().formatHex(id);
      LOG.log(
          Level.SEVERE,
          "incident " + incident + ": " + req.getMethod() + " " + path + " failed",
          thrown instanceof Throwable t ? t : null);
    }
    String title = status == 404 ? "Not Found" : status >= 500 ? "Internal Server Error" : "Error";
    String detail =
        status == 404
            ? "there is nothing at " + path
            : status >= 500
                ? "the server failed unexpectedly (incident "
                    + incident
                    + " in its log); retry,"
                    + " and report the incident id if it happens again"
                : "the request could not be served";
    resp.setStatus(status);
    resp.setCharacterEncoding("UTF-8");
    if (path.startsWith(req.getContextPath() + "/console")) {
      resp.setContentType("text/html");
      resp.getWriter().write(html(req.getContextPath(), title, detail));
    } else {
      resp.setContentType(ProblemDocuments.MEDIA_TYPE);
      resp.getWriter()
          .write(ProblemDocuments.json(ProblemDocuments.of(status, title, detail, path, null)));
    }
  }

  private static boolean expiredView(Object thrown) {
    for (Throwable t = thrown instanceof Throwable x ? x : null; t != null; t = t.getCause()) {
      if (t instanceof jakarta.faces.application.ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static String html(String context, String title, String detail) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + " · syngen console</title><link rel=\"stylesheet\" href=\""
        + context
        + "/console/assets/console.css\"></head><body><main id=\"main\"><section class=\"card"
        + " error\"><h1 id=\"error-title\">"
        + Html.escape(title)
        + "</h1><p id=\"error-detail\">"
        + Html.escape(detail)
        + "</p><p><a href=\""
        + context
        + "/console/index.xhtml\">Back to the dashboard</a></p></section></main></body></html>";
  }
}
