// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.grpc.RawBytesMarshaller;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.common.proto.Server.ServerResponse;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.proxy.cluster.ClusterMembers;
import io.pinot.spi.env.PinotConfiguration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/// The gRPC relay between a real client channel and a fake upstream server (this project's generated stubs on a
/// real Netty transport): relaying, target checks, credentials, deadline and cancellation.
class GrpcProxyServerTest {
  private final FakeServer fake = new FakeServer();
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Server upstream;
  private GrpcProxyServer proxy;
  private ManagedChannel channel;

  /// Answers `sql` "blocks:N" with N messages whose payload is the message number; "hang" never answers until
  /// cancelled. Records the last request, its headers and deadline.
  private static final class FakeServer extends PinotQueryServerGrpc.PinotQueryServerImplBase {
    final AtomicReference<ServerRequest> lastRequest = new AtomicReference<>();
    final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
    final AtomicReference<Long> lastDeadlineMs = new AtomicReference<>();
    final CountDownLatch hanging = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);

    @Override
    public void submit(ServerRequest request, StreamObserver<ServerResponse> observer) {
      lastRequest.set(request);
      var deadline = Context.current().getDeadline();
      lastDeadlineMs.set(deadline == null ? null : deadline.timeRemaining(TimeUnit.MILLISECONDS));
      ServerCallStreamObserver<ServerResponse> call = (ServerCallStreamObserver<ServerResponse>) observer;
      call.setOnCancelHandler(cancelled::countDown);
      if (request.getSql().equals("hang")) {
        hanging.countDown();
        return;
      }
      int blocks = Integer.parseInt(request.getSql().substring("blocks:".length()));
      for (int i = 0; i < blocks; i++) {
        observer.onNext(ServerResponse.newBuilder().putMetadata("responseType", i == blocks - 1 ? "metadata" : "data")
            .setPayload(ByteString.copyFromUtf8("block-" + i + "-" + "x".repeat(1000))).build());
      }
      observer.onCompleted();
    }
  }

  private void start(BasicAuthPrincipals principals) throws Exception {
    ServerInterceptor headers = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
          ServerCallHandler<Q, R> next) {
        fake.lastHeaders.set(metadata);
        return next.startCall(call, metadata);
      }
    };
    upstream = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(fake, headers)).build().start();
    ClusterMembers members = new ClusterMembers(List.of(
        new ClusterMembers.Server("Server_127.0.0.1_7001", "127.0.0.1", upstream.getPort(), 7002),
        new ClusterMembers.Server("Server_localhost_8001", "localhost", 1, 8002),
        new ClusterMembers.Server("Server_localhost_8003", "localhost", 2, 8004)), List.of());
    ForwardTarget.Members view = new ForwardTarget.Members() {
      @Override
      public ClusterMembers current() {
        return members;
      }

      @Override
      public ClusterMembers fresh() {
        return members;
      }
    };
    proxy = GrpcProxyServer.start("127.0.0.1", 0, view, principals, metrics, 1 << 20, null);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    proxy.close();
    upstream.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
  }

  private static ServerRequest request(String sql, Map<String, String> metadata) {
    return ServerRequest.newBuilder().setSql(sql).addSegments("seg_1").putAllMetadata(metadata)
        .putMetadata("enableStreaming", "true").build();
  }

  private static List<ServerResponse> readAll(Iterator<ServerResponse> responses) {
    List<ServerResponse> all = new ArrayList<>();
    responses.forEachRemaining(all::add);
    return all;
  }

  @Test
  void relaysEveryMessageUnchangedToTheNamedServer() throws Exception {
    start(BasicAuthPrincipals.from(PinotConfiguration.empty(), "x"));
    List<ServerResponse> responses = readAll(PinotQueryServerGrpc.newBlockingStub(channel).submit(request(
        "blocks:40", Map.of("FORWARD_HOST", "127.0.0.1", "FORWARD_PORT", "8090", "requestId", "7"))));

    assertThat(responses).hasSize(40);
    for (int i = 0; i < 40; i++) {
      assertThat(responses.get(i).getPayload().toStringUtf8()).startsWith("block-" + i + "-");
    }
    assertThat(responses.get(39).getMetadataMap()).containsEntry("responseType", "metadata");
    // the hints stay at the proxy; everything else arrives as sent
    assertThat(fake.lastRequest.get().getMetadataMap()).containsEntry("requestId", "7")
        .doesNotContainKeys("FORWARD_HOST", "FORWARD_PORT");
    assertThat(fake.lastRequest.get().getSegmentsList()).containsExactly("seg_1");
    assertThat(metrics.prometheusText()).contains("pinot_proxy_grpc_messages_total 40");
  }

  @Test
  void targetsComeFromHeadersAndMustBeLiveServers() throws Exception {
    start(BasicAuthPrincipals.from(PinotConfiguration.empty(), "x"));
    Metadata headers = new Metadata();
    headers.put(ForwardTarget.HOST_HEADER, "Server_127.0.0.1_7001");
    var spark = PinotQueryServerGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    assertThat(readAll(spark.submit(request("blocks:2", Map.of())))).hasSize(2);

    var stub = PinotQueryServerGrpc.newBlockingStub(channel);
    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of("FORWARD_HOST", "10.9.9.9")))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(e.getStatus().getDescription()).contains("10.9.9.9 is not a live server of this cluster");
        });
    // two servers share localhost: the port must name one of them
    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of("forward_host", "localhost",
        "forward_port", "9")))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of()))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("FORWARD_HOST");
        });
    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of("FORWARD_HOST", "127.0.0.1",
        "FORWARD_PORT", "http")))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    ServerRequest huge = request("x".repeat(2 << 20), Map.of("FORWARD_HOST", "127.0.0.1"));
    assertThatThrownBy(() -> readAll(stub.submit(huge))).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    assertThat(readAll(stub.submit(request("blocks:3", Map.of("FORWARD_HOST", "127.0.0.1"))))).hasSize(3);
    assertThat(metrics.prometheusText()).contains("pinot_proxy_grpc_refused_total 4");
  }

  @Test
  void aMalformedRequestIsRefusedAndTheProxyKeepsServing() throws Exception {
    start(BasicAuthPrincipals.from(PinotConfiguration.empty(), "x"));
    MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
        .setFullMethodName("org.apache.pinot.common.proto.PinotQueryServer/Submit")
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE).setResponseMarshaller(RawBytesMarshaller.INSTANCE).build();
    // field 1 (the metadata map) claims 127 bytes and there are 2
    byte[] garbage = {0x0a, 0x7f, 0x01, 0x02};
    assertThatThrownBy(() -> ClientCalls.blockingServerStreamingCall(channel, raw, CallOptions.DEFAULT, garbage)
        .hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThat(readAll(PinotQueryServerGrpc.newBlockingStub(channel).submit(request("blocks:2",
        Map.of("FORWARD_HOST", "127.0.0.1"))))).hasSize(2);
  }

  @Test
  void credentialsAreCheckedWhenConfiguredAndPassedOnNormalized() throws Exception {
    start(BasicAuthPrincipals.from(PinotConfiguration.empty().with("p.principals", "trino")
        .with("p.principals.trino.password", "secret"), "p"));
    var stub = PinotQueryServerGrpc.newBlockingStub(channel);
    String basic = BasicAuthPrincipals.basicHeader("trino", "secret");
    // Presto's pinot.extra-grpc-metadata keeps the space after the colon: key "Authorization", value " Basic ..."
    assertThat(readAll(stub.submit(request("blocks:1", Map.of("FORWARD_HOST", "127.0.0.1",
        "Authorization", " " + basic))))).hasSize(1);
    assertThat(fake.lastRequest.get().getMetadataMap()).containsEntry("authorization", basic)
        .doesNotContainKey("Authorization");

    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of("FORWARD_HOST", "127.0.0.1")))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThatThrownBy(() -> readAll(stub.submit(request("blocks:1", Map.of("FORWARD_HOST", "127.0.0.1",
        "authorization", BasicAuthPrincipals.basicHeader("trino", "wrong"))))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void theDeadlineGoesUpstreamAndACancelledClientCancelsTheServerCall() throws Exception {
    start(BasicAuthPrincipals.from(PinotConfiguration.empty(), "x"));
    readAll(PinotQueryServerGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .submit(request("blocks:1", Map.of("FORWARD_HOST", "127.0.0.1"))));
    assertThat(fake.lastDeadlineMs.get()).isNotNull().isBetween(1L, 5_000L);

    Context.CancellableContext context = Context.current().withCancellation();
    CountDownLatch closed = new CountDownLatch(1);
    context.run(() -> PinotQueryServerGrpc.newStub(channel).submit(request("hang",
        Map.of("FORWARD_HOST", "127.0.0.1")), new StreamObserver<>() {
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
    assertThat(fake.hanging.await(10, TimeUnit.SECONDS)).isTrue();
    context.cancel(null);
    assertThat(fake.cancelled.await(10, TimeUnit.SECONDS)).as("the upstream call was cancelled").isTrue();
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
