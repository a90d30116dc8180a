// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerClientTest {
  @TempDir
  Path tempDir;

  @Test
  void uploadsATarballAsTheFirstMultipartPart() throws IOException {
    Path tar = tempDir.resolve("events_OFFLINE_0.tar.gz");
    Files.write(tar, new byte[] {1, 2, 3, 4});
    try (FakeController controller = new FakeController()) {
      controller.respond(200, "{\"status\":\"Successfully uploaded segment: events_OFFLINE_0\"}");
      String answer = new ControllerClient(controller.url(), "Basic abc").uploadSegment("events", "OFFLINE", tar);

      assertThat(ControllerClient.statusText(answer)).isEqualTo("Successfully uploaded segment: events_OFFLINE_0");
      FakeController.Request request = controller.writes().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.pathAndQuery()).isEqualTo("/v2/segments?tableName=events&tableType=OFFLINE");
      assertThat(request.header("Authorization")).isEqualTo("Basic abc");
      assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
      String body = new String(request.body(), StandardCharsets.ISO_8859_1);
      assertThat(body).contains("filename=\"events_OFFLINE_0.tar.gz\"").contains("\u0001\u0002\u0003\u0004");
    }
  }

  @Test
  void pushesADownloadUriWithHeaders() throws IOException {
    try (FakeController controller = new FakeController()) {
      new ControllerClient(controller.url() + "/", null).pushSegmentUri("events", "OFFLINE", "file:///x/s.tar.gz");

      FakeController.Request request = controller.writes().get(0);
      assertThat(request.header("UPLOAD_TYPE")).isEqualTo("URI");
      assertThat(request.header("DOWNLOAD_URI")).isEqualTo("file:///x/s.tar.gz");
      assertThat(request.body()).isEmpty();
    }
  }

  @Test
  void errorStatusCarriesTheControllersErrorText() throws IOException {
    try (FakeController controller = new FakeController()) {
      controller.respond(400, "{\"code\":400,\"error\":\"Column[foo] not found in schema[events]\"}");
      ControllerClient client = new ControllerClient(controller.url(), null);

      assertThatThrownBy(() -> client.addTable("{}"))
          .isInstanceOf(PinotHttpException.class)
          .hasMessageContaining("HTTP 400")
          .hasMessageEndingWith("Column[foo] not found in schema[events]")
          .satisfies(error -> assertThat(((PinotHttpException) error).retriable()).isFalse());
    }
  }

  @Test
  void getOrNullIsNullFor404AndListsSegmentNames() throws IOException {
    try (FakeController controller = new FakeController()) {
      controller.get("/segments/events", "[{\"OFFLINE\":[\"events_OFFLINE_0\",\"events_OFFLINE_1\"]}]");
      ControllerClient client = new ControllerClient(controller.url(), null);

      assertThat(client.getOrNull("/tables/missing")).isNull();
      assertThat(client.segmentNames("events")).containsExactly("events_OFFLINE_0", "events_OFFLINE_1");
      assertThat(client.segmentNames("missing")).isEmpty();
    }
  }

  @Test
  void refusedConnectionSaysWhatCouldNotBeReached() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ControllerClient client = new ControllerClient("http://localhost:" + port, null);

    assertThatThrownBy(() -> client.deleteSchema("events"))
        .isInstanceOf(IOException.class)
        .hasMessage("Cannot connect to the controller at http://localhost:" + port + " (is it running?)");
  }

  @Test
  void errorTextFallsBackToTheBody() {
    assertThat(RestCalls.errorText("{\"message\":\"bad\"}")).isEqualTo("bad");
    assertThat(RestCalls.errorText("plain failure")).isEqualTo("plain failure");
    assertThat(RestCalls.errorText("")).isEqualTo("(empty response)");
    assertThat(RestCalls.errorText("x".repeat(400))).hasSize(303);
  }
}
