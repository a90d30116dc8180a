// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Keeps a started node (or a whole quickstart cluster) running until the JVM is asked to stop (Ctrl-C,
/// SIGTERM, `StopProcess`): records the pid in the role's pid file, then blocks; a shutdown hook closes
/// the node in order and removes the pid line. Used by the `Start*` commands and `QuickStart`.
public final class NodeLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLifecycle.class);

  private NodeLifecycle() {
  }

  /// Blocks until the JVM shuts down; `node` is closed by the shutdown hook. `role` may be null (no pid file).
  public static int runUntilShutdown(@Nullable ProcessRole role, AutoCloseable node, String startedMessage,
      PrintWriter out) throws InterruptedException {
    PidFiles pidFiles = PidFiles.defaults();
    long pid = ProcessHandle.current().pid();
    if (role != null) {
      try {
        pidFiles.register(role, pid);
      } catch (IOException e) {
        LOG.warn("Cannot record pid {} in {}: {} (StopProcess will not find this process)", pid,
            pidFiles.file(role), e.getMessage());
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        LOG.info("Shutting down");
        node.close();
      } catch (Exception e) {
        LOG.warn("Error while shutting down: {}", e.toString());
      } finally {
        if (role != null) {
          try {
            pidFiles.unregister(role, pid);
          } catch (IOException e) {
            LOG.debug("Cannot remove pid {} from {}", pid, pidFiles.file(role), e);
          }
        }
        stopped.countDown();
      }
    }, "pinot-shutdown"));
    out.println(startedMessage);
    out.flush();
    stopped.await();
    return 0;
  }
}
