// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

/// The node roles the `Start*` commands run, each with Apache Pinot's pid file name
/// `.pinotAdmin<Role>.pid` (so `StopProcess -server` finds every server started on the machine).
public enum ProcessRole {
  ZOOKEEPER("Zookeeper", "ZooKeeper"),
  CONTROLLER("Controller", "controller"),
  BROKER("Broker", "broker"),
  SERVER("Server", "server"),
  MINION("Minion", "minion"),
  PROXY("Proxy", "proxy"),
  KAFKA("Kafka", "Kafka");

  private final String fileTag;
  private final String displayName;

  ProcessRole(String fileTag, String displayName) {
    this.fileTag = fileTag;
    this.displayName = displayName;
  }

  /// `.pinotAdminServer.pid` and so on.
  public String pidFileName() {
    return ".pinotAdmin" + fileTag + ".pid";
  }

  public String displayName() {
    return displayName;
  }
}
