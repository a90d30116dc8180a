// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.grpc.RawBytesMarshaller;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.common.proto.Server.ServerResponse;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.context.QueryDeadline;
import io.pinot.server.query.QueryRunner;
import io.pinot.server.query.QueryScheduler;
import io.pinot.server.query.SchedulerConfig;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The gRPC query API over a real Netty transport, with a hand-written query runner in place of segments.
class GrpcQueryServiceTest {
  private static final DataSchema SCHEMA = new DataSchema(List.of("i", "s"),
      List.of(ColumnDataType.INT, ColumnDataType.STRING));
  private static final Pattern LIMIT = Pattern.compile("LIMIT (\\d+)");

  private final FakeRunner runner = new FakeRunner();
  private QueryScheduler scheduler;
  private GrpcQueryServer server;
  private ManagedChannel channel;

  /// Answers by SQL text: "spin" runs until cancelled; "missing" answers ServerTableMissing; otherwise `LIMIT n`
  /// rows of (i, 's' + i % 7) with numDocsScanned = n.
  private static final class FakeRunner implements QueryRunner {
    final AtomicReference<InstanceRequest> last = new AtomicReference<>();
    final CountDownLatch spinning = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public byte[] run(InstanceRequest request, long receivedAtNanos, Consumer<QueryDeadline> onStart) {
      last.set(request);
      QueryDeadline deadline = QueryDeadline.afterMillis(request.timeoutMs());
      onStart.accept(deadline);
      if (request.sql().contains("spin")) {
        spinning.countDown();
        try {
          while (true) {
            deadline.check();
            Thread.sleep(1);
          }
        } catch (QueryException e) {
          stopped.countDown();
          return new DataTableBuilder(null).addException(e.errorCode().id(), e.getMessage()).build().toBytes();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new byte[0];
        }
      }
      if (request.sql().contains("missing")) {
        return new DataTableBuilder(null).addException(230, "Table t_OFFLINE is not loaded").build().toBytes();
      }
      Matcher limit = LIMIT.matcher(request.sql());
      int rows = limit.find() ? Integer.parseInt(limit.group(1)) : 10;
      DataTableBuilder builder = new DataTableBuilder(SCHEMA);
      for (int r = 0; r < rows; r++) {
        builder.startRow();
        builder.setInt(0, r);
        builder.setString(1, "s" + r % 7);
      }
      return builder.putMetadata(MetadataKey.NUM_DOCS_SCANNED, rows).build().toBytes();
    }
  }

  @BeforeEach
  void start() throws Exception {
    scheduler = new QueryScheduler("Server_test_1", new SchedulerConfig("fcfs", 2, 2, 10, 10), 10_000, runner);
    server = GrpcQueryServer.start(0, scheduler, 10_000, BasicAuthPrincipals.from(PinotConfiguration.empty()
        .with("a.principals", "trino,other").with("a.principals.trino.password", "pw")
        .with("a.principals.other.password", "pw2").with("a.principals.other.tables", "elsewhere"), "a"), 1 << 20);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    scheduler.close();
  }

  private static ServerRequest request(String sql, boolean streaming, String... segments) {
    return ServerRequest.newBuilder().setSql(sql).addAllSegments(List.of(segments))
        .putMetadata("requestId", "42").putMetadata("brokerId", "presto-coordinator-grpc")
        .putMetadata("enableStreaming", Boolean.toString(streaming)).putMetadata("payloadType", "sql")
        .putMetadata("FORWARD_HOST", "ignored").putMetadata("Authorization", " " + BasicAuthPrincipals.basicHeader(
            "trino", "pw")).build();
  }

  private List<ServerResponse> readAll(Iterator<ServerResponse> responses, List<ServerResponse> into) {
    while (responses.hasNext()) {
      into.add(responses.next());
    }
    return into;
  }

  @Test
  void nonStreamingAnswerIsOneMessageWithRowsAndMetadata() {
    List<ServerResponse> responses = readAll(PinotQueryServerGrpc.newBlockingStub(channel)
        .submit(request("SELECT i, s FROM t_OFFLINE LIMIT 25", false, "seg_0")), new ArrayList<>());

    assertThat(responses).hasSize(1);
    assertThat(responses.get(0).getMetadataMap()).containsEntry("responseType", "nonStreaming");
    DataTable table = DataTable.fromBytes(responses.get(0).getPayload().toByteArray());
    assertThat(table.numRows()).isEqualTo(25);
    assertThat(table.getString(24, 1)).isEqualTo("s3");
    assertThat(table.metadata()).containsEntry("numDocsScanned", "25");
    InstanceRequest seen = runner.last.get();
    assertThat(seen.tableNameWithType()).isEqualTo("t_OFFLINE");
    assertThat(seen.segments()).containsExactly("seg_0");
    assertThat(seen.requestId()).isEqualTo(42);
    assertThat(seen.brokerId()).isEqualTo("presto-coordinator-grpc");
  }

  @Test
  void streamingSendsRowBlocksThenOneMetadataBlock() {
    List<ServerResponse> responses = readAll(PinotQueryServerGrpc.newBlockingStub(channel)
        .submit(request("SELECT i, s FROM t_OFFLINE LIMIT 25000", true)), new ArrayList<>());

    assertThat(responses).extracting(r -> r.getMetadataMap().get("responseType"))
        .containsExactly("data", "data", "data", "metadata");
    int next = 0;
    for (ServerResponse response : responses.subList(0, 3)) {
      DataTable block = DataTable.fromBytes(response.getPayload().toByteArray());
      assertThat(block.dataSchema()).isEqualTo(SCHEMA);
      assertThat(block.metadata()).isEmpty();
      for (int r = 0; r < block.numRows(); r++, next++) {
        assertThat(block.getInt(r, 0)).isEqualTo(next);
        assertThat(block.getString(r, 1)).isEqualTo("s" + next % 7);
      }
    }
    assertThat(next).isEqualTo(25_000);
    DataTable metadata = DataTable.fromBytes(responses.get(3).getPayload().toByteArray());
    assertThat(metadata.dataSchema()).isNull();
    assertThat(metadata.metadata()).containsEntry("numDocsScanned", "25000");
  }

  @Test
  void anAnswerWithExceptionsEndsWithAnErrorStatusAfterItsBlocks() {
    List<ServerResponse> responses = new ArrayList<>();
    Iterator<ServerResponse> stream = PinotQueryServerGrpc.newBlockingStub(channel)
        .submit(request("SELECT i FROM t_OFFLINE WHERE s = 'missing' LIMIT 5", true));

    assertThatThrownBy(() -> readAll(stream, responses)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(e.getStatus().getDescription()).isEqualTo("ServerTableMissing (230): Table t_OFFLINE is not loaded");
    });
    // Trino fails on the exceptions of a data block; Pinot's readers check the metadata block.
    assertThat(responses).extracting(r -> r.getMetadataMap().get("responseType")).containsExactly("data", "metadata");
    for (ServerResponse response : responses) {
      assertThat(DataTable.fromBytes(response.getPayload().toByteArray()).exceptions()).containsKey(230);
    }
  }

  @Test
  void badRequestsFailWithInvalidArgumentBeforeAnyMessage() {
    var stub = PinotQueryServerGrpc.newBlockingStub(channel);
    assertThatThrownBy(() -> stub.submit(request("SELEC i FROM t_OFFLINE", true)).hasNext())
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("SQLParsingError (150)");
        });
    ServerRequest thrift = request("SELECT i FROM t_OFFLINE", true).toBuilder()
        .putMetadata("payloadType", "brokerRequest").build();
    assertThatThrownBy(() -> stub.submit(thrift).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getDescription()).contains("payloadType brokerRequest is not supported"));
    ServerRequest badId = request("SELECT i FROM t_OFFLINE", true).toBuilder().putMetadata("requestId", "x").build();
    assertThatThrownBy(() -> stub.submit(badId).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    // over the server's inbound limit (1 MiB in this test, 128 MiB by default)
    ServerRequest huge = request("SELECT i FROM t_OFFLINE WHERE s = '" + "x".repeat(2 << 20) + "'", true);
    assertThatThrownBy(() -> stub.submit(huge).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    // bytes that are no ServerRequest
    MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
        .setFullMethodName(PinotQueryServerGrpc.getSubmitMethod().getFullMethodName())
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE).setResponseMarshaller(RawBytesMarshaller.INSTANCE).build();
    assertThatThrownBy(() -> ClientCalls.blockingServerStreamingCall(channel, raw, CallOptions.DEFAULT,
        new byte[]{0x0a, 0x7f, 0x01}).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    // the server still answers
    assertThat(readAll(stub.submit(request("SELECT i FROM t_OFFLINE LIMIT 3", false)), new ArrayList<>())).hasSize(1);
  }

  @Test
  void credentialsAreCheckedWhenPrincipalsAreConfigured() {
    var stub = PinotQueryServerGrpc.newBlockingStub(channel);
    ServerRequest none = request("SELECT i FROM t_OFFLINE LIMIT 1", true).toBuilder().removeMetadata("Authorization")
        .build();
    assertThatThrownBy(() -> stub.submit(none).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    ServerRequest wrong = none.toBuilder().putMetadata("authorization", BasicAuthPrincipals.basicHeader("trino", "x"))
        .build();
    assertThatThrownBy(() -> stub.submit(wrong).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    ServerRequest otherTable = none.toBuilder().putMetadata("AUTHORIZATION", BasicAuthPrincipals.basicHeader("other",
        "pw2")).build();
    assertThatThrownBy(() -> stub.submit(otherTable).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
  }

  @Test
  void theClientDeadlineBoundsTheServerTimeout() {
    readAll(PinotQueryServerGrpc.newBlockingStub(channel).withDeadlineAfter(3, TimeUnit.SECONDS)
        .submit(request("SELECT i FROM t_OFFLINE LIMIT 1", true)), new ArrayList<>());
    assertThat(runner.last.get().timeoutMs()).isBetween(1L, 3_000L);
  }

  @Test
  void aCancelledCallStopsTheQueryOnTheServer() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    var context = io.grpc.Context.current().withCancellation();
    context.run(() -> PinotQueryServerGrpc.newStub(channel).submit(
        request("SELECT i FROM t_OFFLINE WHERE s = 'spin' LIMIT 1", true), new StreamObserver<>() {
          @Override
          public void onNext(ServerResponse value) {
          }

          @Override
          public void onError(Throwable t) {
            closed.countDown();
          }

          @Override
          public void onCompleted() {
            closed.countDown();
          }
        }));
    assertThat(runner.spinning.await(10, TimeUnit.SECONDS)).isTrue();
    context.cancel(null);
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(runner.stopped.await(10, TimeUnit.SECONDS)).as("the server's query stopped").isTrue();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!scheduler.runningQueries().ids().isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(scheduler.runningQueries().ids()).isEmpty();
  }
}
