// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `DeleteSchema -schemaName <name> [-exec]`: `DELETE /schemas/{name}`. Without `-exec`, a dry run.
@Command(name = "DeleteSchema", description = "Delete a schema (no table may use it). Without -exec, only prints "
    + "what would be done.")
public final class DeleteSchemaCommand extends AdminCommand {
  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-schemaName", required = true, paramLabel = "<name>", description = "Schema name.")
  String schemaName;

  @Option(names = "-exec", description = "Execute the command (without it, a dry run).")
  boolean exec;

  @Override
  public Integer call() throws IOException {
    if (!exec) {
      out().println("Dry run: would delete schema '" + schemaName + "' from " + controller.url()
          + " (add -exec to execute)");
      return 0;
    }
    String answer = controller.client().deleteSchema(schemaName);
    out().println("Deleted schema '" + schemaName + "': " + ControllerClient.statusText(answer));
    return 0;
  }
}
