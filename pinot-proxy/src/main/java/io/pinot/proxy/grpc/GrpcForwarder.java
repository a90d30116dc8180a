// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.proxy.cluster.ClusterMembers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Relays one `PinotQueryServer/Submit` call to the server its request names (see [ForwardTarget]): the request is
/// re-sent with the `FORWARD_*` hints removed and the credential normalized, every response message is passed on as
/// the server's bytes, and the server's status and trailers end the client's call. Flow control runs end to end: the
/// proxy asks the server for its next message only once the client's transport is ready, so a slow client slows the
/// server rather than filling the proxy's heap. The client's deadline goes upstream; a client that cancels cancels
/// the upstream call, which stops the query on the server.
final class GrpcForwarder implements ServerCallHandler<byte[], byte[]> {
  private static final Logger LOGGER = LoggerFactory.getLogger(GrpcForwarder.class);
  static final String AUTHORIZATION = "authorization";
  private static final Metadata.Key<String> AUTHORIZATION_HEADER =
      Metadata.Key.of(AUTHORIZATION, Metadata.ASCII_STRING_MARSHALLER);

  private final ForwardTarget.Members members;
  private final UpstreamChannels channels;
  private final BasicAuthPrincipals principals;
  private final ProxyMetrics metrics;

  GrpcForwarder(ForwardTarget.Members members, UpstreamChannels channels, BasicAuthPrincipals principals,
      ProxyMetrics metrics) {
    this.members = members;
    this.channels = channels;
    this.principals = principals;
    this.metrics = metrics;
  }

  @Override
  public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
    metrics.grpcCallStarted();
    Deadline deadline = Context.current().getDeadline();
    call.request(1);
    return new Relay(call, headers, deadline);
  }

  /// One relayed call. Client-side callbacks arrive on the server call's serialized executor; upstream callbacks
  /// on the upstream call's; the server call's send methods are only used from the latter (after start).
  private final class Relay extends ServerCall.Listener<byte[]> {
    private final ServerCall<byte[], byte[]> call;
    private final Metadata headers;
    private final @Nullable Deadline deadline;
    private final AtomicBoolean upstreamWantsRequest = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable ClientCall<ServerRequest, byte[]> upstream;
    private @Nullable ServerRequest request;
    private @Nullable String malformed;

    Relay(ServerCall<byte[], byte[]> call, Metadata headers, @Nullable Deadline deadline) {
      this.call = call;
      this.headers = headers;
      this.deadline = deadline;
    }

    @Override
    public void onMessage(byte[] message) {
      try {
        request = ServerRequest.parseFrom(message);
      } catch (InvalidProtocolBufferException e) {
        malformed = e.getMessage();
      }
    }

    @Override
    public void onHalfClose() {
      ServerRequest received = request;
      if (malformed != null) {
        refuse(Status.INVALID_ARGUMENT.withDescription("Malformed ServerRequest: " + malformed));
        return;
      }
      if (received == null) {
        refuse(Status.INVALID_ARGUMENT.withDescription("The call carried no ServerRequest"));
        return;
      }
      ClusterMembers.Server target;
      String credential;
      try {
        credential = credential(received.getMetadataMap());
        target = ForwardTarget.resolve(received.getMetadataMap(), headers, members);
      } catch (ForwardTarget.Refused e) {
        refuse(e.status());
        return;
      }
      ServerRequest forwarded = rewrite(received, credential);
      ManagedChannel channel = channels.channel(target.host(), target.grpcPort());
      CallOptions options = CallOptions.DEFAULT;
      if (deadline != null) {
        options = options.withDeadline(deadline);
      }
      ClientCall<ServerRequest, byte[]> up = channel.newCall(GrpcProxyServer.SUBMIT_UPSTREAM, options);
      upstream = up;
      Metadata upstreamHeaders = new Metadata();
      if (credential != null) {
        upstreamHeaders.put(AUTHORIZATION_HEADER, credential);
      }
      up.start(new UpstreamListener(), upstreamHeaders);
      up.sendMessage(forwarded);
      up.halfClose();
      up.request(1);
    }

    @Override
    public void onReady() {
      ClientCall<ServerRequest, byte[]> up = upstream;
      if (up != null && call.isReady() && upstreamWantsRequest.compareAndSet(true, false)) {
        up.request(1);
      }
    }

    @Override
    public void onCancel() {
      ClientCall<ServerRequest, byte[]> up = upstream;
      if (up != null) {
        up.cancel("The proxy's client cancelled the call", null);
      }
      end();
    }

    @Override
    public void onComplete() {
      end();
    }

    private void end() {
      if (ended.compareAndSet(false, true)) {
        metrics.grpcCallEnded();
      }
    }

    private void refuse(Status status) {
      metrics.grpcRefused();
      call.close(status, new Metadata());
    }

    /// The credential the request carries (metadata key `authorization` in any case, or the HTTP/2 header), trimmed;
    /// checked here when the proxy has principals configured.
    private @Nullable String credential(Map<String, String> metadata) throws ForwardTarget.Refused {
      String value = ForwardTarget.value(metadata, AUTHORIZATION);
      if (value == null) {
        value = headers.get(AUTHORIZATION_HEADER);
      }
      value = value == null || value.isBlank() ? null : value.trim();
      if (principals.isEnabled() && principals.authenticate(value).isEmpty()) {
        throw new ForwardTarget.Refused(Status.UNAUTHENTICATED.withDescription(value == null
            ? "The request carries no credential: put 'authorization' in its metadata"
            : "The request's credential is not valid"));
      }
      return value;
    }

    private final class UpstreamListener extends ClientCall.Listener<byte[]> {
      private boolean headersSent;

      @Override
      public void onHeaders(Metadata upstreamHeaders) {
        call.sendHeaders(new Metadata());
        headersSent = true;
      }

      @Override
      public void onMessage(byte[] message) {
        if (!headersSent) {
          call.sendHeaders(new Metadata());
          headersSent = true;
        }
        call.sendMessage(message);
        metrics.grpcMessageRelayed(message.length);
        ClientCall<ServerRequest, byte[]> up = upstream;
        if (call.isReady()) {
          if (up != null) {
            up.request(1);
          }
        } else {
          upstreamWantsRequest.set(true);
          // the client may have become ready between the check and the flag
          if (call.isReady() && upstreamWantsRequest.compareAndSet(true, false) && up != null) {
            up.request(1);
          }
        }
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        if (!status.isOk() && status.getCode() != Status.Code.CANCELLED) {
          LOGGER.debug("Upstream call ended with {}", status);
        }
        try {
          call.close(status, trailers);
        } catch (IllegalStateException e) {
          // the client already went away
        }
      }
    }
  }

  /// The request as the server gets it: without `FORWARD_*` hints, with the credential under Pinot's lower-case
  /// `authorization` key (the key Pinot's server-side access control reads), trimmed.
  static ServerRequest rewrite(ServerRequest request, @Nullable String credential) {
    ServerRequest.Builder builder = request.toBuilder();
    for (String key : request.getMetadataMap().keySet()) {
      if (key.equalsIgnoreCase(ForwardTarget.FORWARD_HOST) || key.equalsIgnoreCase(ForwardTarget.FORWARD_PORT)
          || key.equalsIgnoreCase(AUTHORIZATION)) {
        builder.removeMetadata(key);
      }
    }
    if (credential != null) {
      builder.putMetadata(AUTHORIZATION, credential);
    }
    return builder.build();
  }
}
