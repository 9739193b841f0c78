package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginBeanTest {
  private static String after(String next) {
    LoginBean bean = new LoginBean();
    bean.setNext(next);
    return bean.safeNext();
  }

  @Test
  void aConsolePageIsWhereSignInReturns() {
    assertEquals("/console/runs.xhtml", after("/console/runs.xhtml"));
  }

  @Test
  void lineBreaksThatWouldSplitTheLocationHeaderFallBackToTheDashboard() {
    assertEquals("/console/index.xhtml", after("/console/runs.xhtml\r\nSet-Cookie: x=1"));
    assertEquals("/console/index.xhtml", after("/console/\nx"));
  }
}
