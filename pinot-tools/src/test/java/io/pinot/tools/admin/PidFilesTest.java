// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {
  @TempDir
  Path dir;

  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  private PidFiles pidFiles() {
    return new PidFiles(dir, running::contains);
  }

  @Test
  void usesPinotFileNames() {
    assertThat(pidFiles().file(ProcessRole.SERVER)).isEqualTo(dir.resolve(".pinotAdminServer.pid"));
    assertThat(ProcessRole.ZOOKEEPER.pidFileName()).isEqualTo(".pinotAdminZookeeper.pid");
    assertThat(ProcessRole.CONTROLLER.pidFileName()).isEqualTo(".pinotAdminController.pid");
  }

  @Test
  void appendsOneLinePerProcessAndRemovesOnUnregister() throws IOException {
    running.addAll(List.of(101L, 102L));
    PidFiles pidFiles = pidFiles();
    pidFiles.register(ProcessRole.SERVER, 101);
    pidFiles.register(ProcessRole.SERVER, 102);

    assertThat(Files.readString(pidFiles.file(ProcessRole.SERVER))).isEqualTo("101\n102\n");
    assertThat(pidFiles.livePids(ProcessRole.SERVER)).containsExactly(101L, 102L);

    pidFiles.unregister(ProcessRole.SERVER, 101);
    assertThat(pidFiles.livePids(ProcessRole.SERVER)).containsExactly(102L);
    assertThat(pidFiles.livePids(ProcessRole.BROKER)).isEmpty();
  }

  @Test
  void dropsStaleAndDamagedLines() throws IOException {
    running.add(7L);
    Files.writeString(dir.resolve(".pinotAdminBroker.pid"), "5\nnot-a-pid\n7\n7\n", StandardCharsets.UTF_8);

    assertThat(pidFiles().livePids(ProcessRole.BROKER)).containsExactly(7L);
    assertThat(Files.readString(dir.resolve(".pinotAdminBroker.pid"))).isEqualTo("7\n");
  }

  @Test
  void concurrentRegistrationsKeepEveryLine() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (long pid = 1; pid <= 20; pid++) {
      running.add(pid);
      long registered = pid;
      // Separate PidFiles objects, as separate processes would have, share only the file lock.
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          new PidFiles(dir, running::contains).register(ProcessRole.SERVER, registered);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(pidFiles().livePids(ProcessRole.SERVER)).hasSize(20);
  }

  @Test
  void theCurrentProcessIsAliveAndAFinishedOneIsNot() throws Exception {
    assertThat(PidFiles.isPinotProcess(ProcessHandle.current().pid())).isTrue();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    assertThat(PidFiles.isPinotProcess(finished.pid())).isFalse();
  }

  @Test
  void directoryComesFromTheEnvironmentThenThePropertyThenTmp() {
    assertThat(PidFiles.defaultDir("/var/run/pinot")).isEqualTo(Path.of("/var/run/pinot"));
    String previous = System.getProperty(PidFiles.DIR_PROPERTY);
    try {
      System.setProperty(PidFiles.DIR_PROPERTY, "/tmp/pids");
      assertThat(PidFiles.defaultDir(null)).isEqualTo(Path.of("/tmp/pids"));
      System.clearProperty(PidFiles.DIR_PROPERTY);
      assertThat(PidFiles.defaultDir("")).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    } finally {
      if (previous != null) {
        System.setProperty(PidFiles.DIR_PROPERTY, previous);
      }
    }
  }
}
