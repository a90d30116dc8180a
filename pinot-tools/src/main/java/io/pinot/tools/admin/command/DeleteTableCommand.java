// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `DeleteTable -tableName <t> [-type offline|realtime] [-exec]`: `DELETE /tables/{t}` (both types when no
/// type is given). Without `-exec`, a dry run.
@Command(name = "DeleteTable", description = "Delete a table and its segments. Without -exec, only prints what "
    + "would be done.")
public final class DeleteTableCommand extends AdminCommand {
  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-tableName", required = true, paramLabel = "<name>", description = "Table name (raw or with "
      + "_OFFLINE/_REALTIME).")
  String tableName;

  @Option(names = {"-type", "-tableType"}, paramLabel = "<offline|realtime>", description = "Which half of a hybrid "
      + "table to delete (default: both).")
  @Nullable String type;

  @Option(names = "-exec", description = "Execute the command (without it, a dry run).")
  boolean exec;

  @Override
  public Integer call() throws IOException {
    String normalizedType = type == null || type.isBlank() ? null : type.trim().toLowerCase(Locale.ROOT);
    if (normalizedType != null && !normalizedType.equals("offline") && !normalizedType.equals("realtime")) {
      throw new IllegalArgumentException("Invalid -type '" + type + "': use offline or realtime");
    }
    String what = "table '" + tableName + "'" + (normalizedType == null ? "" : " (" + normalizedType + ")");
    if (!exec) {
      out().println("Dry run: would delete " + what + " from " + controller.url() + " (add -exec to execute)");
      return 0;
    }
    String answer = controller.client().deleteTable(tableName, normalizedType);
    out().println("Deleted " + what + ": " + ControllerClient.statusText(answer));
    return 0;
  }
}
