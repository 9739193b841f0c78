package dev.syngen.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver (never Selenium Manager), with a
 * fresh profile, pointed at the console of the server the build started (or another).
 */
final class Browser implements AutoCloseable {
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String CHROMIUM = "/usr/bin/chromium";

  /**
   * How long a page may take to load before a command that waits for it fails: a command after a
   * click waits for the page the click loads, and on a build machine whose two cores also run the
   * servers a postback once took more than 30 s ("Timed out receiving message from renderer").
   */
  static final Duration PAGE_LOAD = Duration.ofSeconds(90);

  final ChromeDriver driver;
  final String base;
  private final Path profile;

  Browser() {
    this(System.getProperty("syngen.base.url", "http://localhost:9080"));
  }

  /** A browser pointed at the console of the server at {@code url} (one a test started itself). */
  Browser(String url) {
    base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    try {
      profile = Files.createTempDirectory("syngen-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1366,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
  }

  void open(String page) {
    driver.get(base + "/console/" + page);
  }

  void login(String user, String password) {
    open("login.xhtml");
    type("login:user", user);
    type("login:password", password);
    click("login:submit");
    waitFor(d -> d.findElements(By.id("whoami")).size() > 0);
  }

  void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  /** What the browser's console reported since the last call, e.g. a blocked inline script. */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /**
   * Answers Yes in the confirm dialog of the form {@code formId} (PrimeFaces' global confirm
   * dialog, its Yes button {@code formId:confirm-yes}), once it is shown.
   */
  void confirm(String formId) {
    waitFor(
            d -> {
              WebElement yes = d.findElement(By.id(formId + ":confirm-yes"));
              return yes.isDisplayed() ? yes : null;
            })
        .click();
  }

  /** The page's messages (element {@code messages}) once they contain {@code text}. */
  String messageContaining(String text) {
    return waitFor(
        d -> {
          String shown = d.findElement(By.id("messages")).getText();
          return shown.contains(text) ? shown : null;
        });
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(Duration.ofSeconds(30), condition);
  }

  /**
   * Waits for {@code condition}, reading again when the page was replaced under it; on timeout
   * saves the page as failed-wait.png and .html.
   */
  <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
    try {
      // a postback replaces the page while a condition reads it: read again, not fail
      return new WebDriverWait(driver, timeout)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failed-wait");
      try {
        Files.writeString(
            Path.of("target", "screenshots", "failed-wait.html"), driver.getPageSource());
      } catch (IOException io) {
        e.addSuppressed(io);
      }
      throw e;
    }
  }

  /** Saves what the browser shows as target/screenshots/{@code name}.png. */
  void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
