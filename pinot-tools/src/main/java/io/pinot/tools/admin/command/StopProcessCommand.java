// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.PidFiles;
import io.pinot.tools.admin.ProcessRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StopProcess -controller -broker -server -zooKeeper ...`: stops the processes the `Start*` commands of
/// this machine recorded in their pid files (every process of each chosen role), with SIGTERM so they shut
/// down in order; a process still running after the grace period is killed. No role flag means all roles.
@Command(name = "StopProcess", description = "Stop the processes started on this machine by the Start commands "
    + "(all roles when no flag is given).")
public final class StopProcessCommand extends AdminCommand {
  private static final long GRACE_SECONDS = 30;

  @Option(names = "-controller", description = "Stop controllers.")
  boolean controller;

  @Option(names = "-broker", description = "Stop brokers.")
  boolean broker;

  @Option(names = "-server", description = "Stop servers.")
  boolean server;

  @Option(names = "-zooKeeper", description = "Stop ZooKeeper.")
  boolean zooKeeper;

  @Option(names = "-minion", description = "Stop minions.")
  boolean minion;

  @Option(names = "-proxy", description = "Stop proxies.")
  boolean proxy;

  @Option(names = "-kafka", description = "Stop Kafka.")
  boolean kafka;

  /// The roles chosen, in stop order (servers first, ZooKeeper last).
  Set<ProcessRole> roles() {
    Set<ProcessRole> roles = EnumSet.noneOf(ProcessRole.class);
    if (!controller && !broker && !server && !zooKeeper && !minion && !proxy && !kafka) {
      roles.addAll(EnumSet.allOf(ProcessRole.class));
      return roles;
    }
    addIf(roles, proxy, ProcessRole.PROXY);
    addIf(roles, server, ProcessRole.SERVER);
    addIf(roles, minion, ProcessRole.MINION);
    addIf(roles, broker, ProcessRole.BROKER);
    addIf(roles, controller, ProcessRole.CONTROLLER);
    addIf(roles, kafka, ProcessRole.KAFKA);
    addIf(roles, zooKeeper, ProcessRole.ZOOKEEPER);
    return roles;
  }

  private static void addIf(Set<ProcessRole> roles, boolean chosen, ProcessRole role) {
    if (chosen) {
      roles.add(role);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PidFiles pidFiles = PidFiles.defaults();
    // Stop order: the edge proxy, then the nodes that hold data and answer queries, ZooKeeper last.
    ProcessRole[] order = {ProcessRole.PROXY, ProcessRole.SERVER, ProcessRole.MINION, ProcessRole.BROKER,
        ProcessRole.CONTROLLER, ProcessRole.KAFKA, ProcessRole.ZOOKEEPER};
    Set<ProcessRole> roles = roles();
    for (ProcessRole role : order) {
      if (roles.contains(role)) {
        stopRole(pidFiles, role);
      }
    }
    return 0;
  }

  private void stopRole(PidFiles pidFiles, ProcessRole role) throws IOException, InterruptedException {
    List<Long> pids = pidFiles.livePids(role);
    if (pids.isEmpty()) {
      out().println("No running " + role.displayName() + " found (" + pidFiles.file(role) + ")");
      return;
    }
    List<ProcessHandle> stopping = new ArrayList<>();
    for (long pid : pids) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isPresent() && handle.get().destroy()) {
        stopping.add(handle.get());
      }
    }
    for (ProcessHandle handle : stopping) {
      try {
        handle.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        out().println("Stopped " + role.displayName() + " (pid " + handle.pid() + ")");
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
        out().println("Killed " + role.displayName() + " (pid " + handle.pid() + "): it did not stop within "
            + GRACE_SECONDS + " s");
      }
      pidFiles.unregister(role, handle.pid());
    }
  }
}
