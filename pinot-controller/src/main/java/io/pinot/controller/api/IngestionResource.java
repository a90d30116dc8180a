// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.ingestion.FileIngestion;
import io.pinot.spi.config.table.TableConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.media.multipart.BodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's `POST /ingestFromFile?tableNameWithType=&batchConfigMapStr=` (the file as multipart form data)
/// and `POST /ingestFromURI?tableNameWithType=&batchConfigMapStr=&sourceURIStr=` (an `http`/`https` URI the
/// controller downloads): the file becomes one segment of the OFFLINE table. Answers
/// `{"status": "Successfully ingested file into table: t_OFFLINE as segment: s"}`.
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
      @QueryParam("batchConfigMapStr") @Nullable String batchConfigMapStr, FormDataMultiPart multiPart)
      throws IOException {
    FileIngestion ingestion = ingestion();
    TableConfig table = ingestion.offlineTable(tableNameWithType);
    Map<String, String> batchConfig = batchConfig(batchConfigMapStr);
    BodyPart part = multiPart.getField("file");
    if (part == null) {
      List<BodyPart> parts = multiPart.getBodyParts();
      if (parts.isEmpty()) {
        throw RestException.badRequest("The request has no file: send it as the multipart form field 'file'");
      }
      part = parts.get(0);
    }
    java.nio.file.Path file = tempFile();
    try {
      try (InputStream in = part.getEntityAs(InputStream.class)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return status(ingestion.ingest(table, batchConfig, file));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @POST
  @Path("ingestFromURI")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ingestFromUri(@QueryParam("tableNameWithType") @Nullable String tableNameWithType,
      @QueryParam("batchConfigMapStr") @Nullable String batchConfigMapStr,
      @QueryParam("sourceURIStr") @Nullable String sourceUri) throws IOException {
    FileIngestion ingestion = ingestion();
    TableConfig table = ingestion.offlineTable(tableNameWithType);
    Map<String, String> batchConfig = batchConfig(batchConfigMapStr);
    URI source = source(sourceUri);
    java.nio.file.Path file = tempFile();
    try {
      HttpResponse<java.nio.file.Path> response = context.httpClient().send(HttpRequest.newBuilder(source).GET()
          .build(), HttpResponse.BodyHandlers.ofFile(file));
      if (response.statusCode() != 200) {
        throw RestException.badRequest("Cannot download sourceURIStr[" + sourceUri + "]: HTTP "
            + response.statusCode());
      }
      return status(ingestion.ingest(table, batchConfig, file));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while downloading " + sourceUri, e);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private FileIngestion ingestion() {
    return new FileIngestion(context.metadataStore(), context.segments(), context.config().localTempDir());
  }

  private java.nio.file.Path tempFile() throws IOException {
    Files.createDirectories(context.config().localTempDir());
    return Files.createTempFile(context.config().localTempDir(), "ingest-", ".input");
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

  private static Map<String, String> status(FileIngestion.Result result) {
    return Map.of("status", "Successfully ingested file into table: " + result.tableNameWithType()
        + " as segment: " + result.segmentName());
  }
}
