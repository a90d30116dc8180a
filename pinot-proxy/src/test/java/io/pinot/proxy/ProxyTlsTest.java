// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.common.utils.NetUtils;
import io.pinot.spi.env.PinotConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// TLS on both proxy listeners with client certificates required: a client presenting a trusted certificate gets
/// through; one without a certificate, or with an untrusted one, fails the handshake; plaintext fails too.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTlsTest {
  @TempDir
  static Path dir;
  private TestCertificates certificates;
  private ProxyStarter proxy;

  @BeforeAll
  void start() throws Exception {
    certificates = TestCertificates.create(dir);
    proxy = new ProxyStarter(PinotConfiguration.empty()
        // no controller: the view stays empty, which is enough to reach the proxy's own answers
        .with(ProxyConfigKey.CONTROLLER_URL.key(), "http://127.0.0.1:" + NetUtils.freePort())
        .with(ProxyConfigKey.BIND_ADDRESS.key(), "127.0.0.1")
        .with(ProxyConfigKey.REST_PORT.key(), 0).with(ProxyConfigKey.GRPC_PORT.key(), 0)
        .with(ProxyConfigKey.REST_TLS_ENABLED.key(), true).with(ProxyConfigKey.GRPC_TLS_ENABLED.key(), true)
        .with(ProxyConfigKey.TLS_KEYSTORE_PATH.key(), certificates.serverKeyStore().toString())
        .with(ProxyConfigKey.TLS_KEYSTORE_PASSWORD.key(), TestCertificates.PASSWORD)
        .with(ProxyConfigKey.TLS_TRUSTSTORE_PATH.key(), certificates.serverTrustStore().toString())
        .with(ProxyConfigKey.TLS_TRUSTSTORE_PASSWORD.key(), TestCertificates.PASSWORD));
    proxy.start();
  }

  @AfterAll
  void stop() {
    proxy.close();
  }

  private static KeyStore load(Path path) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, TestCertificates.PASSWORD.toCharArray());
    }
    return store;
  }

  private static @Nullable KeyManagerFactory keys(@Nullable Path keyStore) throws Exception {
    if (keyStore == null) {
      return null;
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(load(keyStore), TestCertificates.PASSWORD.toCharArray());
    return factory;
  }

  private TrustManagerFactory trust() throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(load(certificates.clientTrustStore()));
    return factory;
  }

  private Status.Code grpcCall(@Nullable Path clientKeyStore) throws Exception {
    SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(trust());
    KeyManagerFactory keys = keys(clientKeyStore);
    if (keys != null) {
      ssl.keyManager(keys);
    }
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.grpcPort()).sslContext(ssl.build())
        .build();
    try {
      PinotQueryServerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .submit(ServerRequest.newBuilder().setSql("SELECT 1").build()).hasNext();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private int restCall(@Nullable Path clientKeyStore) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = keys(clientKeyStore);
    context.init(keys == null ? null : keys.getKeyManagers(), trust().getTrustManagers(), null);
    try (HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
        .build()) {
      return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + proxy.restPort() + "/health"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }

  @Test
  void aTrustedClientCertificateGetsThrough() throws Exception {
    // past TLS the proxy answers itself: the request names no server
    assertThat(grpcCall(certificates.clientKeyStore())).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(restCall(certificates.clientKeyStore())).isEqualTo(200);
  }

  @Test
  void clientsWithoutATrustedCertificateAreRefused() throws Exception {
    assertThat(grpcCall(null)).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(grpcCall(certificates.strangerKeyStore())).isEqualTo(Status.Code.UNAVAILABLE);
    assertThatThrownBy(() -> restCall(null)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> restCall(certificates.strangerKeyStore())).isInstanceOf(IOException.class);
    // plaintext on the TLS gRPC port
    ManagedChannel plain = NettyChannelBuilder.forAddress("127.0.0.1", proxy.grpcPort()).usePlaintext().build();
    try {
      assertThatThrownBy(() -> PinotQueryServerGrpc.newBlockingStub(plain).withDeadlineAfter(10, TimeUnit.SECONDS)
          .submit(ServerRequest.getDefaultInstance()).hasNext()).isInstanceOf(StatusRuntimeException.class);
    } finally {
      plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    // and the trusted client still gets through afterwards
    assertThat(restCall(certificates.clientKeyStore())).isEqualTo(200);
  }
}
