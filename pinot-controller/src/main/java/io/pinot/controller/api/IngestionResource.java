// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.ingestion.FileIngestion;
import io.pinot.controller.ingestion.IngestionJobs;
import io.pinot.spi.config.table.TableConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.media.multipart.BodyPart;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's `POST /ingestFromFile?tableNameWithType=&batchConfigMapStr=` (the file as multipart form data)
/// and `POST /ingestFromURI?tableNameWithType=&batchConfigMapStr=&sourceURIStr=` (an `http`/`https` URI the
/// controller downloads): the file becomes one segment of the OFFLINE table. Answers
/// `{"status": "Successfully ingested file into table: t_OFFLINE as segment: s", "jobId": "..."}`. The optional
/// `jobId` parameter names the job, so that a client (the web UI) can follow it at `GET /ingestionStatus/{jobId}`
/// while the request runs.
@Path("/")
public final class IngestionResource {
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
  };

  private final ControllerContext context;

  public IngestionResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @Path("ingestFromFile")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ingestFromFile(@QueryParam("tableNameWithType") @Nullable String tableNameWithType,
      @QueryParam("batchConfigMapStr") @Nullable String batchConfigMapStr, @QueryParam("jobId") @Nullable String jobId,
      FormDataMultiPart multiPart) throws IOException {
    FileIngestion ingestion = ingestion();
    TableConfig table = ingestion.offlineTable(tableNameWithType);
    Map<String, String> batchConfig = batchConfig(batchConfigMapStr);
    String id = jobId(jobId);
    BodyPart part = multiPart.getField("file");
    if (part == null) {
      List<BodyPart> parts = multiPart.getBodyParts();
      if (parts.isEmpty()) {
        throw RestException.badRequest("The request has no file: send it as the multipart form field 'file'");
      }
      part = parts.get(0);
    }
    String fileName = part instanceof FormDataBodyPart field && field.getContentDisposition() != null
        && field.getContentDisposition().getFileName() != null ? field.getContentDisposition().getFileName() : "file";
    java.nio.file.Path file = tempFile();
    try {
      try (InputStream in = part.getEntityAs(InputStream.class)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return tracked(id, table, fileName, () -> ingestion.ingest(table, batchConfig, file, fileName, pushing(id)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @POST
  @Path("ingestFromURI")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ingestFromUri(@QueryParam("tableNameWithType") @Nullable String tableNameWithType,
      @QueryParam("batchConfigMapStr") @Nullable String batchConfigMapStr,
      @QueryParam("sourceURIStr") @Nullable String sourceUri, @QueryParam("jobId") @Nullable String jobId)
      throws IOException {
    FileIngestion ingestion = ingestion();
    TableConfig table = ingestion.offlineTable(tableNameWithType);
    Map<String, String> batchConfig = batchConfig(batchConfigMapStr);
    URI source = source(sourceUri);
    String id = jobId(jobId);
    java.nio.file.Path file = tempFile();
    try {
      SegmentUploadResource.download(context, source, file, "sourceURIStr");
      return tracked(id, table, source.toString(), () -> ingestion.ingest(table, batchConfig, file,
          source.toString(), pushing(id)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /// `GET /ingestionStatus/{jobId}`: the job's phase (`BUILDING_SEGMENT`, `PUSHING_SEGMENT`, `DONE`, `FAILED`),
  /// with `segmentName` and `numDocs` when done, or the `error`.
  @GET
  @Path("ingestionStatus/{jobId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ingestionStatus(@PathParam("jobId") String jobId) {
    Map<String, String> job = jobs().get(jobId);
    if (job == null) {
      throw RestException.notFound("No ingestion job " + jobId);
    }
    return job;
  }

  private interface Ingest {
    FileIngestion.Result run() throws IOException;
  }

  /// Runs `ingest` as job `id`, recording its phases; answers Pinot's status plus the `jobId`.
  private Map<String, String> tracked(String id, TableConfig table, String source, Ingest ingest)
      throws IOException {
    IngestionJobs jobs = jobs();
    jobs.start(id, table.tableName(), source);
    FileIngestion.Result result;
    try {
      result = ingest.run();
    } catch (IOException | RuntimeException e) {
      jobs.phase(id, IngestionJobs.Phase.FAILED, Map.of("error", String.valueOf(e.getMessage())));
      throw e;
    }
    jobs.phase(id, IngestionJobs.Phase.DONE, Map.of("segmentName", result.segmentName(),
        "numDocs", Integer.toString(result.numDocs())));
    return Map.of("status", "Successfully ingested file into table: " + result.tableNameWithType()
        + " as segment: " + result.segmentName(), "jobId", id);
  }

  private FileIngestion.Progress pushing(String id) {
    return () -> jobs().phase(id, IngestionJobs.Phase.PUSHING_SEGMENT, Map.of());
  }

  private IngestionJobs jobs() {
    return new IngestionJobs(context.jobs(), System::currentTimeMillis);
  }

  private static String jobId(@Nullable String jobId) {
    if (jobId == null || jobId.isBlank()) {
      return UUID.randomUUID().toString();
    }
    if (!IngestionJobs.validId(jobId.trim())) {
      throw RestException.badRequest("Invalid jobId[" + jobId + "]: use 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return jobId.trim();
  }

  private FileIngestion ingestion() {
    return new FileIngestion(context.metadataStore(), context.segments(), context.config().localTempDir());
  }

  private java.nio.file.Path tempFile() throws IOException {
    return SegmentUploadResource.tempFile(context, "ingest-", ".input");
  }


  private static URI source(@Nullable String sourceUri) {
    if (sourceUri == null || sourceUri.isBlank()) {
      throw RestException.badRequest("Query parameter sourceURIStr is required");
    }
    URI uri;
    try {
      uri = URI.create(sourceUri.trim());
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid sourceURIStr[" + sourceUri + "]: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw RestException.badRequest("sourceURIStr[" + sourceUri + "] must be an http or https URI: the controller "
          + "does not read its own file system or other stores for this endpoint");
    }
    return uri;
  }

  private static Map<String, String> batchConfig(@Nullable String batchConfigMapStr) {
    if (batchConfigMapStr == null || batchConfigMapStr.isBlank()) {
      throw RestException.badRequest("Query parameter batchConfigMapStr is required, e.g. {\"inputFormat\":\"csv\"}");
    }
    try {
      return JsonUtils.MAPPER.readValue(batchConfigMapStr, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw RestException.badRequest("Invalid batchConfigMapStr, expected a JSON object of strings: "
          + e.getOriginalMessage());
    }
  }

}
