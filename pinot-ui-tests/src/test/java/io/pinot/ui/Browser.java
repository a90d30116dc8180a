// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.jspecify.annotations.Nullable;

/// A headless Chromium driven through Debian's chromedriver (`/usr/bin/chromium`, `/usr/bin/chromedriver`; override
/// with `-Dpinot.ui.chromium=` and `-Dpinot.ui.chromedriver=`), never through Selenium Manager: the network is
/// closed. A fresh profile per browser; downloads land in a directory of their own; [#screenshot] saves PNGs under
/// `target/screenshots/<test class>/`. Not thread-safe: one per test class.
final class Browser implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String INSTALL_HINT = "Install Debian's packages first: apt-get install -y chromium "
      + "chromium-driver (.ci/run does this when /usr/bin/chromedriver is missing)";

  private final ChromeDriver driver;
  private final Path screenshots;
  private final Path downloads;
  private final Path profile;
  private int step;

  Browser(String testName) {
    Path chromium = Path.of(System.getProperty("pinot.ui.chromium", "/usr/bin/chromium"));
    Path chromedriver = Path.of(System.getProperty("pinot.ui.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      throw new IllegalStateException("The browser tests need Chromium at " + chromium + " and chromedriver at "
          + chromedriver + ". " + INSTALL_HINT);
    }
    Path target = Path.of(System.getProperty("pinot.ui.screenshots", "target/screenshots")).getParent();
    screenshots = Path.of(System.getProperty("pinot.ui.screenshots", "target/screenshots")).resolve(testName);
    downloads = Path.of(System.getProperty("pinot.ui.downloads", "target/downloads")).resolve(testName);
    try {
      Files.createDirectories(screenshots);
      Files.createDirectories(downloads);
      profile = Files.createTempDirectory(target == null ? Path.of(".") : target, "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      throw new IllegalStateException("Cannot start headless Chromium: " + e.getMessage() + ". " + INSTALL_HINT, e);
    }
    driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  void open(String url) {
    driver.get(url);
  }

  ChromeDriver driver() {
    return driver;
  }

  Path downloads() {
    return downloads;
  }

  /// Saves a PNG of the page as `NN-<name>.png`.
  Path screenshot(String name) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path file = screenshots.resolve(String.format(Locale.ROOT, "%02d-%s.png", ++step, name));
    try {
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /// Waits until `condition` gives a non-null, non-false value (exceptions count as not yet) and returns it.
  <T> T await(String what, Supplier<@Nullable T> condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.get();
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    screenshot("timeout");
    throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what, last);
  }

  WebElement find(String css) {
    return await(css, () -> {
      List<WebElement> found = driver.findElements(By.cssSelector(css));
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  @Nullable Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile in target/ is harmless
    }
  }
}
