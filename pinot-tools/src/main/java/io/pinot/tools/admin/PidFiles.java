// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/// The pid files `Start*` commands write and `StopProcess` reads: `<dir>/.pinotAdmin<Role>.pid`, one pid
/// per line, one line per process of that role on this machine. Every read-modify-write holds an exclusive
/// file lock, so processes starting together do not lose each other's lines; lines of processes that no
/// longer run (or whose pid now belongs to a non-Java program) are dropped whenever a file is rewritten.
///
/// The directory is `$PINOT_PID_DIR`, else the `pinot.pid.dir` system property, else `java.io.tmpdir`.
/// Thread-safe.
public final class PidFiles {
  /// System property naming the pid directory (used when `PINOT_PID_DIR` is not set).
  public static final String DIR_PROPERTY = "pinot.pid.dir";
  /// File locks are held per JVM (a second lock attempt from the same JVM fails instead of waiting), so
  /// threads of one JVM take turns on this monitor before taking the file lock. Immutable.
  private static final Object JVM_MONITOR = new Object();

  private final Path dir;
  private final LongPredicate alive;

  /// Pid files in `dir`; `alive` tells whether a pid still runs one of our processes.
  public PidFiles(Path dir, LongPredicate alive) {
    this.dir = dir;
    this.alive = alive;
  }

  /// The pid files of this machine, in the directory described above.
  public static PidFiles defaults() {
    return new PidFiles(defaultDir(System.getenv("PINOT_PID_DIR")), PidFiles::isPinotProcess);
  }

  static Path defaultDir(@Nullable String environmentValue) {
    if (environmentValue != null && !environmentValue.isBlank()) {
      return Path.of(environmentValue);
    }
    String property = System.getProperty(DIR_PROPERTY);
    return Path.of(property != null && !property.isBlank() ? property : System.getProperty("java.io.tmpdir"));
  }

  public Path file(ProcessRole role) {
    return dir.resolve(role.pidFileName());
  }

  /// Appends `pid` to the role's file (dropping stale lines).
  public void register(ProcessRole role, long pid) throws IOException {
    update(role, pid, true);
  }

  /// Removes `pid` from the role's file (dropping stale lines). An empty file stays: deleting it could lose
  /// the line of a process waiting for the lock on it.
  public void unregister(ProcessRole role, long pid) throws IOException {
    update(role, pid, false);
  }

  /// The live pids recorded for the role, in start order; rewrites the file without stale lines.
  public List<Long> livePids(ProcessRole role) throws IOException {
    if (!Files.exists(file(role))) {
      return List.of();
    }
    return update(role, -1, false);
  }

  private List<Long> update(ProcessRole role, long pid, boolean add) throws IOException {
    Files.createDirectories(dir);
    Path file = file(role);
    synchronized (JVM_MONITOR) {
      return lockAndRewrite(file, pid, add);
    }
  }

  private List<Long> lockAndRewrite(Path file, long pid, boolean add) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      try {
        return rewrite(channel, pid, add);
      } finally {
        lock.release();
      }
    }
  }

  private List<Long> rewrite(FileChannel channel, long pid, boolean add) throws IOException {
    List<Long> pids = new ArrayList<>();
    for (long existing : parse(read(channel))) {
      if (existing != pid && alive.test(existing) && !pids.contains(existing)) {
        pids.add(existing);
      }
    }
    if (add) {
      pids.add(pid);
    }
    StringBuilder text = new StringBuilder();
    for (long live : pids) {
      text.append(live).append('\n');
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
    return List.copyOf(pids);
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  /// The pids in a pid file's text; lines that are not numbers are ignored.
  static List<Long> parse(String text) {
    List<Long> pids = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty()) {
        try {
          pids.add(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
          // A damaged line: dropped on the next rewrite.
        }
      }
    }
    return pids;
  }

  /// Whether `pid` is a live process that looks like one of ours (a Java process, when the OS tells).
  public static boolean isPinotProcess(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Optional<String> command = handle.get().info().command();
    return command.isEmpty() || command.get().contains("java");
  }
}
