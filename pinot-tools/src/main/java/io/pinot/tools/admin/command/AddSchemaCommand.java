// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.Schema;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `AddSchema -schemaFile <json> [-exec]`: checks the schema file, then (with `-exec`) sends it to the
/// controller's `POST /schemas`. Without `-exec` it only says what it would do, as Apache Pinot does.
@Command(name = "AddSchema", description = "Add (or update) a schema. Without -exec, only checks the file and "
    + "prints what would be done.")
public final class AddSchemaCommand extends AdminCommand {
  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-schemaFile", required = true, paramLabel = "<file>", description = "Schema JSON file.")
  Path schemaFile;

  @Option(names = "-override", arity = "0..1", paramLabel = "<true|false>",
      description = "Replace an existing schema of the same name (default: true).")
  boolean override = true;

  @Option(names = "-force", description = "Replace the schema even when the change is not backward compatible.")
  boolean force;

  @Option(names = "-exec", description = "Execute the command (without it, a dry run).")
  boolean exec;

  @Override
  public Integer call() throws IOException {
    String json = readSchema(schemaFile);
    String name = JsonUtils.fromJson(json, Schema.class).schemaName();
    if (!exec) {
      out().println("Dry run: would add schema '" + name + "' from " + schemaFile + " to " + controller.url()
          + " (add -exec to execute)");
      return 0;
    }
    String answer = controller.client().addSchema(json, override, force);
    out().println("Added schema '" + name + "': " + ControllerClient.statusText(answer));
    return 0;
  }

  /// The schema file's text, after checking that it is a valid schema.
  ///
  /// @throws IllegalArgumentException naming the file and the problem
  static String readSchema(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Schema file " + file + " does not exist", e);
    }
    try {
      JsonUtils.fromJson(json, Schema.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid schema file " + file + ": " + e.getMessage(), e);
    }
    return json;
  }
}
