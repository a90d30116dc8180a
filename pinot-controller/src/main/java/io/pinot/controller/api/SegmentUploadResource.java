// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.segment.SegmentManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.media.multipart.BodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.jspecify.annotations.Nullable;

/// `POST /v2/segments`: Apache Pinot's tar push. The body is `multipart/form-data` whose first part is a
/// segment `.tar.gz`; `tableName` (raw or with type) and `tableType` query parameters name the table,
/// otherwise the segment's metadata does. Re-uploading a segment name replaces that segment.
@jakarta.ws.rs.Path("/v2/segments")
public final class SegmentUploadResource {
  private final ControllerContext context;

  public SegmentUploadResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> upload(FormDataMultiPart multiPart, @QueryParam("tableName") @Nullable String tableName,
      @QueryParam("tableType") @Nullable String tableType) throws IOException {
    return upload(context, multiPart, tableName, tableType);
  }

  /// URI push: `UPLOAD_TYPE: URI` and `DOWNLOAD_URI: <uri>` headers; the controller fetches the segment to
  /// read its metadata, and servers download it from that URI.
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> uploadUri(@HeaderParam("UPLOAD_TYPE") @Nullable String uploadType,
      @HeaderParam("DOWNLOAD_URI") @Nullable String downloadUri, @QueryParam("tableName") @Nullable String tableName,
      @QueryParam("tableType") @Nullable String tableType) throws IOException {
    return uploadFromUri(context, uploadType, downloadUri, tableName, tableType);
  }

  static Map<String, String> uploadFromUri(ControllerContext context, @Nullable String uploadType,
      @Nullable String downloadUri, @Nullable String tableName, @Nullable String tableType) throws IOException {
    checkType(tableType);
    if (uploadType == null || !uploadType.equalsIgnoreCase("URI") || downloadUri == null || downloadUri.isBlank()) {
      throw RestException.badRequest("Send the segment as multipart form data, or use URI push with headers "
          + "UPLOAD_TYPE: URI and DOWNLOAD_URI: <uri>");
    }
    Path temp = tempFile(context);
    try {
      fetch(context, downloadUri.trim(), temp);
      SegmentManager.UploadResult result = context.segments().upload(temp, tableName, downloadUri.trim());
      return status(result);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static Map<String, String> upload(ControllerContext context, FormDataMultiPart multiPart,
      @Nullable String tableName, @Nullable String tableType) throws IOException {
    checkType(tableType);
    List<BodyPart> parts = multiPart.getBodyParts();
    if (parts.isEmpty()) {
      throw RestException.badRequest("The upload has no file part: send the segment .tar.gz as multipart form data");
    }
    Path temp = tempFile(context);
    try {
      try (InputStream in = parts.get(0).getEntityAs(InputStream.class)) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      return status(context.segments().upload(temp, tableName, null));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Map<String, String> status(SegmentManager.UploadResult result) {
    return Map.of("status", "Successfully uploaded segment: " + result.segmentName() + " of table: "
        + result.tableNameWithType());
  }

  private static void checkType(@Nullable String tableType) {
    if (tableType != null && !tableType.isBlank() && !tableType.trim().toUpperCase(Locale.ROOT).equals("OFFLINE")) {
      throw RestException.badRequest("Only OFFLINE segments can be uploaded (tableType=" + tableType + ")");
    }
  }

  private static Path tempFile(ControllerContext context) throws IOException {
    return tempFile(context, "upload-", ".tar.gz");
  }

  /// A new empty file in the controller's temp directory (`controller.local.temp.dir`).
  static Path tempFile(ControllerContext context, String prefix, String suffix) throws IOException {
    Path tempDir = context.config().localTempDir();
    Files.createDirectories(tempDir);
    return Files.createTempFile(tempDir, prefix, suffix);
  }

  private static void fetch(ControllerContext context, String uri, Path destination) throws IOException {
    URI source;
    try {
      source = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid DOWNLOAD_URI[" + uri + "]");
    }
    if (source.getScheme() == null || source.getScheme().equals("file")) {
      Path file = source.getScheme() == null ? Path.of(uri) : Path.of(source);
      if (!Files.isRegularFile(file)) {
        throw RestException.badRequest("DOWNLOAD_URI[" + uri + "] is not a readable file on the controller");
      }
      Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    download(context, source, destination, "DOWNLOAD_URI");
  }

  /// Downloads `source` (http or https) into `destination`; anything but HTTP 200 is a 400 naming `parameter`.
  static void download(ControllerContext context, URI source, Path destination, String parameter)
      throws IOException {
    try {
      HttpResponse<Path> response = context.httpClient().send(HttpRequest.newBuilder(source).GET().build(),
          HttpResponse.BodyHandlers.ofFile(destination));
      if (response.statusCode() != 200) {
        throw RestException.badRequest("Cannot download " + parameter + "[" + source + "]: HTTP "
            + response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while downloading " + source, e);
    }
  }
}
