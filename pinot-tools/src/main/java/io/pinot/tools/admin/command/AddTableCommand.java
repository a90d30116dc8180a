// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `AddTable -tableConfigFile <json> [-schemaFile <json>] [-exec]`: checks both files, then (with `-exec`)
/// adds the schema (`POST /schemas`) and the table (`POST /tables`). Without `-exec`, a dry run.
@Command(name = "AddTable", description = "Add a table, and its schema when -schemaFile is given. Without -exec, "
    + "only checks the files and prints what would be done.")
public final class AddTableCommand extends AdminCommand {
  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-tableConfigFile", paramLabel = "<file>", description = "Table config JSON file (required).")
  @Nullable Path tableConfigFile;

  /// Apache Pinot's older name of `-tableConfigFile`.
  @Option(names = "-offlineTableConfigFile", hidden = true, paramLabel = "<file>")
  void offlineTableConfigFile(Path file) {
    tableConfigFile = file;
  }

  @Option(names = "-schemaFile", paramLabel = "<file>", description = "Schema JSON file, added before the table.")
  @Nullable Path schemaFile;

  @Option(names = "-exec", description = "Execute the command (without it, a dry run).")
  boolean exec;

  @Override
  public Integer call() throws IOException {
    if (tableConfigFile == null) {
      throw new CommandLine.ParameterException(commandLine(), "Missing required option: -tableConfigFile <file>");
    }
    String schemaJson = schemaFile == null ? null : AddSchemaCommand.readSchema(schemaFile);
    String tableJson;
    try {
      tableJson = Files.readString(tableConfigFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Table config file " + tableConfigFile + " does not exist", e);
    }
    TableConfig tableConfig;
    try {
      tableConfig = JsonUtils.fromJson(tableJson, TableConfig.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid table config file " + tableConfigFile + ": " + e.getMessage(), e);
    }
    String schemaName = schemaJson == null ? null : JsonUtils.fromJson(schemaJson, Schema.class).schemaName();
    if (!exec) {
      if (schemaName != null) {
        out().println("Dry run: would add schema '" + schemaName + "' from " + schemaFile + " to "
            + controller.url());
      }
      out().println("Dry run: would add table '" + tableConfig.rawTableName() + "' from " + tableConfigFile + " to "
          + controller.url() + " (add -exec to execute)");
      return 0;
    }
    ControllerClient client = controller.client();
    if (schemaJson != null) {
      out().println("Added schema '" + schemaName + "': "
          + ControllerClient.statusText(client.addSchema(schemaJson, true, false)));
    }
    out().println("Added table '" + tableConfig.rawTableName() + "': "
        + ControllerClient.statusText(client.addTable(tableJson)));
    return 0;
  }
}
