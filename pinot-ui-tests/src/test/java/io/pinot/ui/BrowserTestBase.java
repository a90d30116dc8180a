// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// What every browser test class shares: one [UiTestCluster] and one headless [Browser] (screenshots under the
/// class's name), started before the class's tests and closed after them.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  @TempDir
  static Path workDir;
  UiTestCluster cluster;
  Browser browser;

  @BeforeAll
  void startClusterAndBrowser() throws Exception {
    cluster = UiTestCluster.start(workDir);
    browser = new Browser(getClass().getSimpleName());
  }

  @AfterAll
  void closeBrowserAndCluster() {
    if (browser != null) {
      browser.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /// Opens the UI at `#hash`, as a fresh page load.
  void open(String hash) {
    browser.open(cluster.controllerUrl() + "/?load=" + System.nanoTime() + "#" + hash);
  }
}
