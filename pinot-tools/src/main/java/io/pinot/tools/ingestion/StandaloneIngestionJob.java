// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.segment.ingestion.IngestionPipeline;
import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.ingestion.SegmentPushStep.PushItem;
import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.PinotClusterSpec;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's standalone ingestion job (`LaunchDataIngestionJob`): lists the input files, builds one
/// segment per file in parallel, tars them into `outputDirURI`, then pushes them to the controllers.
///
/// Every segment is built before anything is written to the output directory or pushed: when any input file
/// fails (a value that does not fit its column, for instance), the job fails naming the file and row and the
/// table is left untouched. With `continueOnError` (job spec, or the table config's `ingestionConfig`) bad
/// rows are skipped instead and counted per file. Progress goes to the given writer, one line per segment
/// created or pushed, then a summary. Not thread-safe; run once.
public final class StandaloneIngestionJob {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneIngestionJob.class);
  private static final String DEFAULT_PUSH_PATTERN = "glob:**/*.tar.gz";

  private final SegmentGenerationJobSpec spec;
  private final PrintWriter out;

  public StandaloneIngestionJob(SegmentGenerationJobSpec spec, PrintWriter out) {
    this.spec = spec;
    this.out = out;
  }

  /// Runs the job.
  ///
  /// @throws IllegalArgumentException when the spec is incomplete or names an unsupported plugin
  /// @throws IngestionJobException when an input file cannot be ingested or a segment cannot be pushed
  public IngestionJobResult run() throws IOException {
    if (spec.jobType() == null || spec.jobType().isBlank()) {
      throw new IllegalArgumentException("jobType is missing: use SegmentCreationAndTarPush, for example");
    }
    JobType type = JobType.fromName(spec.jobType());
    IngestionPlugins.checkRunners(spec.executionFrameworkSpec(), type);
    String authorization = spec.authToken() == null || spec.authToken().isBlank() ? null : spec.authToken().trim();
    List<ControllerClient> controllers = type.pushMode() == JobType.PushMode.NONE ? List.of()
        : controllers(authorization);
    List<SegmentReport> created = List.of();
    List<PushItem> toPush;
    long creationMillis = 0;
    String tableName;
    if (type.createsSegments()) {
      long start = System.nanoTime();
      TableInputs table = TableResolver.resolve(spec, authorization);
      tableName = table.tableName();
      created = createSegments(table);
      creationMillis = (System.nanoTime() - start) / 1_000_000;
      toPush = new ArrayList<>();
      for (SegmentReport report : created) {
        toPush.add(new PushItem(report.segmentName(), report.tarFile()));
      }
    } else {
      tableName = requireText(spec.tableSpec().tableName(), "tableSpec.tableName");
      toPush = existingTarballs();
    }
    int pushed = 0;
    long pushMillis = 0;
    if (type.pushMode() != JobType.PushMode.NONE) {
      JobType.PushMode mode = type.pushMode();
      if (mode == JobType.PushMode.METADATA) {
        LOG.info("Metadata push is not supported yet; pushing the segment tarballs instead (tar push)");
        out.println("Metadata push is not supported yet: pushing the segment tarballs instead (tar push).");
        mode = JobType.PushMode.TAR;
      }
      long start = System.nanoTime();
      pushed = SegmentPushStep.run(toPush, controllers, tableName, mode, spec.pushJobSpec(), out);
      pushMillis = (System.nanoTime() - start) / 1_000_000;
      if (spec.cleanUpOutputDir()) {
        for (PushItem item : toPush) {
          Files.deleteIfExists(item.tarFile());
        }
      }
    }
    IngestionJobResult result = new IngestionJobResult(created, pushed, creationMillis, pushMillis);
    printSummary(type, result);
    return result;
  }

  private List<SegmentReport> createSegments(TableInputs table) throws IOException {
    Path inputDir = IngestionPlugins.localPath("inputDirURI", requireText(spec.inputDirURI(), "inputDirURI"),
        spec.pinotFSSpecs());
    Path outputDir = IngestionPlugins.localPath("outputDirURI", requireText(spec.outputDirURI(), "outputDirURI"),
        spec.pinotFSSpecs());
    List<Path> files = FileNameMatcher.of(spec.includeFileNamePattern(), spec.excludeFileNamePattern())
        .list(inputDir, spec.isSearchRecursively());
    if (files.isEmpty()) {
      throw new IngestionJobException("No input files under " + inputDir + (spec.includeFileNamePattern() == null
          ? "" : " match includeFileNamePattern '" + spec.includeFileNamePattern() + "'"));
    }
    boolean continueOnError = spec.continueOnError() || table.tableContinueOnError();
    IngestionPipeline pipeline = ingestionPipeline(table);
    out.println(String.format(Locale.ROOT, "Creating segments of table %s from %d input file%s under %s "
        + "(parallelism %d%s)", table.tableName(), files.size(), files.size() == 1 ? "" : "s", inputDir,
        spec.segmentCreationJobParallelism(), continueOnError ? ", skipping bad rows" : ""));
    out.flush();
    Path staging = Files.createTempDirectory(stagingParent(), "pinot-ingestion-");
    try {
      GenerationContext context = new GenerationContext(table, spec.recordReaderSpec(),
          spec.segmentNameGeneratorSpec(), continueOnError, spec.failOnEmptySegment(), staging, pipeline);
      List<SegmentReport> reports = SegmentGenerationStep.run(context, files,
          spec.segmentCreationJobParallelism(), out);
      return publish(reports, inputDir, outputDir);
    } finally {
      new LocalPinotFS().delete(staging.toUri());
    }
  }

  /// The table's ingestion pipeline; an invalid `ingestionConfig` fails the job before any file is read.
  private static IngestionPipeline ingestionPipeline(TableInputs table) {
    try {
      return IngestionPipeline.create(table.tableConfig(), table.schema());
    } catch (IllegalArgumentException e) {
      throw new IngestionJobException("Table " + table.tableName() + " has an invalid ingestionConfig: "
          + e.getMessage(), e);
    }
  }

  /// Moves the tarballs from staging to the output directory (keeping each input file's relative directory),
  /// after checking that segment names are unique and that nothing would be overwritten unless allowed.
  private List<SegmentReport> publish(List<SegmentReport> reports, Path inputDir, Path outputDir) throws IOException {
    Map<String, SegmentReport> byName = new HashMap<>();
    List<Path> targets = new ArrayList<>();
    for (SegmentReport report : reports) {
      SegmentReport other = byName.putIfAbsent(report.segmentName(), report);
      if (other != null) {
        throw new IngestionJobException("Input files " + other.inputFile() + " and " + report.inputFile()
            + " both produce segment " + report.segmentName() + ": use a segmentNameGeneratorSpec that makes "
            + "names unique (type simple with the sequence id, or inputFile)");
      }
      Path relativeDir = inputDir.relativize(report.inputFile().toAbsolutePath().normalize()).getParent();
      Path dir = relativeDir == null ? outputDir : outputDir.resolve(relativeDir.toString());
      Path target = dir.resolve(report.segmentName() + ".tar.gz");
      if (!spec.overwriteOutput() && Files.exists(target)) {
        throw new IngestionJobException("Output file " + target + " already exists: set overwriteOutput: true "
            + "in the job spec to replace it");
      }
      targets.add(target);
    }
    LocalPinotFS fs = new LocalPinotFS();
    List<SegmentReport> published = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      fs.copyFromLocalFile(reports.get(i).tarFile(), targets.get(i).toUri());
      published.add(reports.get(i).withTarFile(targets.get(i)));
    }
    return published;
  }

  private List<PushItem> existingTarballs() throws IOException {
    Path outputDir = IngestionPlugins.localPath("outputDirURI", requireText(spec.outputDirURI(), "outputDirURI"),
        spec.pinotFSSpecs());
    String pattern = spec.pushJobSpec().pushFileNamePattern();
    List<PushItem> items = new ArrayList<>();
    for (Path file : FileNameMatcher.of(pattern == null ? DEFAULT_PUSH_PATTERN : pattern, null)
        .list(outputDir, true)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".tar.gz")) {
        items.add(new PushItem(name.substring(0, name.length() - ".tar.gz".length()), file));
      }
    }
    if (items.isEmpty()) {
      throw new IngestionJobException("No segment tarballs (*.tar.gz) to push under " + outputDir);
    }
    return items;
  }

  private List<ControllerClient> controllers(@Nullable String authorization) {
    List<ControllerClient> clients = new ArrayList<>();
    for (PinotClusterSpec cluster : spec.pinotClusterSpecs()) {
      if (cluster.controllerURI() != null && !cluster.controllerURI().isBlank()) {
        clients.add(new ControllerClient(cluster.controllerURI().trim(), authorization));
      }
    }
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("pinotClusterSpecs[].controllerURI is missing: the job pushes segments "
          + "and needs a controller (http://localhost:9000)");
    }
    return clients;
  }

  private Path stagingParent() throws IOException {
    String stagingDir = spec.executionFrameworkSpec().extraConfigs().get("stagingDir");
    Path parent = stagingDir == null || stagingDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"))
        : IngestionPlugins.localPath("extraConfigs.stagingDir", stagingDir, spec.pinotFSSpecs());
    Files.createDirectories(parent);
    return parent;
  }

  private void printSummary(JobType type, IngestionJobResult result) {
    StringBuilder line = new StringBuilder("Ingestion job ").append(type.pinotName()).append(" done: ");
    if (type.createsSegments()) {
      line.append(String.format(Locale.ROOT, "%d segment%s with %,d rows created in %s", result.segments().size(),
          result.segments().size() == 1 ? "" : "s", result.totalDocs(),
          SegmentGenerationStep.seconds(result.creationMillis())));
    }
    if (type.pushMode() != JobType.PushMode.NONE) {
      line.append(type.createsSegments() ? "; " : "").append(String.format(Locale.ROOT, "%d segment push%s in %s",
          result.numPushed(), result.numPushed() == 1 ? "" : "es", SegmentGenerationStep.seconds(result.pushMillis())));
    }
    out.println(line.append('.'));
    if (result.totalFilteredRows() > 0) {
      out.println(String.format(Locale.ROOT, "Filtered out %,d row%s by the table's filterConfig:",
          result.totalFilteredRows(), result.totalFilteredRows() == 1 ? "" : "s"));
      for (SegmentReport segment : result.segments()) {
        if (segment.numFilteredRows() > 0) {
          out.println(String.format(Locale.ROOT, "  %s: %,d row%s filtered", segment.inputFile(),
              segment.numFilteredRows(), segment.numFilteredRows() == 1 ? "" : "s"));
        }
      }
    }
    if (result.totalSkippedRows() > 0) {
      out.println(String.format(Locale.ROOT, "Skipped %,d bad row%s in total:", result.totalSkippedRows(),
          result.totalSkippedRows() == 1 ? "" : "s"));
      for (SegmentReport segment : result.segments()) {
        if (segment.numSkippedRows() > 0) {
          out.println(String.format(Locale.ROOT, "  %s: %,d row%s skipped%s", segment.inputFile(),
              segment.numSkippedRows(), segment.numSkippedRows() == 1 ? "" : "s",
              segment.skippedSamples().isEmpty() ? "" : ", first: " + String.join("; ", segment.skippedSamples())));
        }
      }
    }
    out.flush();
  }

  private static String requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing from the job spec");
    }
    return value.trim();
  }
}
