// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.ingestion.JobSpecLoader;
import io.pinot.tools.ingestion.JobSpecTemplates;
import io.pinot.tools.ingestion.StandaloneIngestionJob;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `LaunchDataIngestionJob -jobSpecFile <yaml> [-values k=v ...] [-propertyFile <file>]`: runs an Apache
/// Pinot batch ingestion job spec with the standalone runner.
@Command(name = "LaunchDataIngestionJob", description = "Run a batch ingestion job spec (YAML): build segments "
    + "from input files and push them to the controller.")
public final class LaunchDataIngestionJobCommand extends AdminCommand {
  @Option(names = "-jobSpecFile", required = true, paramLabel = "<file>", description = "Job spec YAML file.")
  Path jobSpecFile;

  @Option(names = "-values", arity = "1..*", paramLabel = "<name=value>", description = "Values of the job spec's "
      + "${name} variables.")
  List<String> values = new ArrayList<>();

  @Option(names = "-propertyFile", paramLabel = "<file>", description = "Properties file with values of the job "
      + "spec's ${name} variables.")
  @Nullable Path propertyFile;

  @Option(names = "-authToken", paramLabel = "<header>", description = "Authorization header value for the "
      + "controller (overrides the job spec's authToken).")
  @Nullable String authToken;

  /// The job spec, loaded and templated.
  SegmentGenerationJobSpec loadSpec() throws IOException {
    Map<String, String> context = JobSpecTemplates.context(values, propertyFile, System.getenv());
    SegmentGenerationJobSpec spec = JobSpecLoader.load(jobSpecFile, context);
    return authToken == null ? spec : spec.withAuthToken(authToken);
  }

  @Override
  public Integer call() throws Exception {
    new StandaloneIngestionJob(loadSpec(), out()).run();
    return 0;
  }
}
