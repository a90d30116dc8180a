// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `UploadSegment -segmentDir <dir> -tableName <t>`: tar-pushes every segment in a directory (segment
/// directories are tarred on the fly; `.tar.gz` files are sent as they are) to `POST /v2/segments`.
@Command(name = "UploadSegment", description = "Upload segments (segment directories and/or .tar.gz files in "
    + "-segmentDir) to a table.")
public final class UploadSegmentCommand extends AdminCommand {
  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-segmentDir", required = true, paramLabel = "<dir>", description = "Directory holding segment "
      + "directories and/or segment .tar.gz files.")
  Path segmentDir;

  @Option(names = "-tableName", required = true, paramLabel = "<name>", description = "Table to upload to.")
  String tableName;

  @Option(names = "-tableType", paramLabel = "<OFFLINE>", description = "Table type (default: OFFLINE).")
  String tableType = "OFFLINE";

  @Override
  public Integer call() throws IOException {
    List<Path> entries = segments(segmentDir);
    ControllerClient client = controller.client();
    Path tempDir = Files.createTempDirectory("pinot-upload-");
    try {
      int uploaded = 0;
      for (Path entry : entries) {
        Path tarFile = entry;
        if (Files.isDirectory(entry)) {
          tarFile = tempDir.resolve(entry.getFileName() + ".tar.gz");
          TarGzUtils.createTarGz(entry, tarFile);
        }
        String answer = client.uploadSegment(tableName, tableType.toUpperCase(Locale.ROOT), tarFile);
        uploaded++;
        out().println(String.format(Locale.ROOT, "[%d/%d] Uploaded %s: %s", uploaded, entries.size(),
            entry.getFileName(), ControllerClient.statusText(answer)));
      }
      out().println("Uploaded " + uploaded + " segment" + (uploaded == 1 ? "" : "s") + " to table " + tableName);
      return 0;
    } finally {
      new LocalPinotFS().delete(tempDir.toUri());
    }
  }

  /// The segment directories and tarballs directly under `dir`, sorted by name.
  static List<Path> segments(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Segment directory " + dir + " does not exist or is not a directory");
    }
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(path -> Files.isDirectory(path) || path.getFileName().toString().endsWith(".tar.gz"))
          .sorted().forEach(entries::add);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("No segment directories or .tar.gz files in " + dir);
    }
    return entries;
  }
}
