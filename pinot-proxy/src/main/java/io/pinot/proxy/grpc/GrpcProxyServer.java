// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.grpc.GrpcServers;
import io.pinot.common.grpc.RawBytesMarshaller;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.proxy.TlsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The proxy's gRPC listener: serves `org.apache.pinot.common.proto.PinotQueryServer/Submit` and relays each call to
/// the server it names (see [GrpcForwarder]); plaintext (h2c) or TLS, optionally requiring client certificates.
public final class GrpcProxyServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(GrpcProxyServer.class);
  private static final String SUBMIT = MethodDescriptor.generateFullMethodName(PinotQueryServerGrpc.SERVICE_NAME,
      "Submit");
  /// The method as clients call it: the request as bytes (parsed by the relay, so that a malformed one is answered
  /// INVALID_ARGUMENT), responses as raw bytes.
  static final MethodDescriptor<byte[], byte[]> SUBMIT_DOWNSTREAM = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING).setFullMethodName(SUBMIT)
      .setRequestMarshaller(RawBytesMarshaller.INSTANCE).setResponseMarshaller(RawBytesMarshaller.INSTANCE).build();
  /// The same method toward servers.
  static final MethodDescriptor<ServerRequest, byte[]> SUBMIT_UPSTREAM = method();

  private final Server server;
  private final UpstreamChannels channels;

  private GrpcProxyServer(Server server, UpstreamChannels channels) {
    this.server = server;
    this.channels = channels;
  }

  private static MethodDescriptor<ServerRequest, byte[]> method() {
    return MethodDescriptor.<ServerRequest, byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
        .setFullMethodName(SUBMIT)
        .setRequestMarshaller(ProtoUtils.marshaller(ServerRequest.getDefaultInstance()))
        .setResponseMarshaller(RawBytesMarshaller.INSTANCE)
        .build();
  }

  /// Binds `address:port` (port 0 for a free one).
  ///
  /// @param tls the listener's key store and optional client trust store, or null for plaintext
  public static GrpcProxyServer start(String address, int port, ForwardTarget.Members members,
      BasicAuthPrincipals principals, ProxyMetrics metrics, int maxInboundMessageBytes, @Nullable TlsConfig tls)
      throws IOException, GeneralSecurityException {
    UpstreamChannels channels = new UpstreamChannels(maxInboundMessageBytes);
    ServerServiceDefinition service = ServerServiceDefinition.builder(PinotQueryServerGrpc.SERVICE_NAME)
        .addMethod(SUBMIT_DOWNSTREAM, new GrpcForwarder(members, channels, principals, metrics))
        .build();
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, port))
        .maxInboundMessageSize(maxInboundMessageBytes)
        .addService(service);
    if (tls != null) {
      SslContextBuilder ssl = GrpcSslContexts.configure(SslContextBuilder.forServer(tls.keyManagers()));
      if (tls.requiresClientCertificates()) {
        ssl.trustManager(tls.trustManagers()).clientAuth(ClientAuth.REQUIRE);
      }
      builder.sslContext(ssl.build());
    }
    Server server = builder.build().start();
    LOGGER.info("Proxy gRPC listener on port {} ({})", server.getPort(), tls == null ? "plaintext" : "TLS");
    return new GrpcProxyServer(server, channels);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    GrpcServers.shutdown(server);
    channels.close();
  }
}
