// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.grpc.RawBytesMarshaller;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.common.proto.Server.ServerResponse;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.CompiledQuery;
import io.pinot.query.CompiledQueryCache;
import io.pinot.server.query.QueryScheduler;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// `org.apache.pinot.common.proto.PinotQueryServer/Submit`: runs one segment query (Pinot SQL addressed to a physical
/// table, restricted to the request's `segments`) through the server's bounded scheduler, then answers in Apache
/// Pinot's streaming or non-streaming shape (see [ResponseBlocks]), sending each message only when the client is
/// ready for it. A query whose answer holds exceptions ends with a gRPC error status after its messages; a request
/// that does not compile fails at once with INVALID_ARGUMENT. A client that cancels, or whose deadline passes, stops
/// the query on the server. Thread-safe.
final class GrpcQueryService {
  private static final Logger LOGGER = LoggerFactory.getLogger(GrpcQueryService.class);
  /// The metadata key Pinot's server-side access control reads.
  static final String AUTHORIZATION = "authorization";

  private final QueryScheduler scheduler;
  private final long defaultTimeoutMs;
  private final BasicAuthPrincipals principals;
  private final CompiledQueryCache compiled = new CompiledQueryCache(1000);

  GrpcQueryService(QueryScheduler scheduler, long defaultTimeoutMs, BasicAuthPrincipals principals) {
    this.scheduler = scheduler;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.principals = principals;
  }

  /// The service as registered: the request is parsed here rather than by gRPC, so that a malformed one is answered
  /// INVALID_ARGUMENT (gRPC itself would answer UNKNOWN).
  ServerServiceDefinition definition() {
    MethodDescriptor<byte[], ServerResponse> method = MethodDescriptor.<byte[], ServerResponse>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
        .setFullMethodName(PinotQueryServerGrpc.getSubmitMethod().getFullMethodName())
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
        .setResponseMarshaller(ProtoUtils.marshaller(ServerResponse.getDefaultInstance()))
        .build();
    return ServerServiceDefinition.builder(PinotQueryServerGrpc.SERVICE_NAME)
        .addMethod(method, ServerCalls.asyncServerStreamingCall((bytes, observer) -> {
          ServerRequest request;
          try {
            request = ServerRequest.parseFrom(bytes);
          } catch (InvalidProtocolBufferException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("Malformed ServerRequest: " + e.getMessage())
                .asRuntimeException());
            return;
          }
          submit(request, observer);
        }))
        .build();
  }

  void submit(ServerRequest request, StreamObserver<ServerResponse> observer) {
    ServerCallStreamObserver<ServerResponse> call = (ServerCallStreamObserver<ServerResponse>) observer;
    ResponseSender sender = new ResponseSender(call);
    call.setOnReadyHandler(sender::drain);
    // Credentials first: an unauthenticated caller gets no work done and learns nothing about its SQL.
    BasicAuthPrincipals.Principal principal = null;
    if (principals.isEnabled()) {
      String credential = credential(request.getMetadataMap());
      principal = principals.authenticate(credential).orElse(null);
      if (principal == null) {
        call.onError(Status.UNAUTHENTICATED.withDescription(credential == null
            ? "The request carries no credential: put 'authorization' (Basic ...) in its metadata"
            : "The request's credential is not valid").asRuntimeException());
        return;
      }
    }
    InstanceRequest instanceRequest;
    GrpcRequestMetadata metadata;
    try {
      metadata = GrpcRequestMetadata.from(request.getMetadataMap());
      instanceRequest = toInstanceRequest(request, metadata);
    } catch (QueryException e) {
      call.onError(Status.INVALID_ARGUMENT.withDescription(GrpcStatuses.describe(e.errorCode().id(), e.getMessage()))
          .asRuntimeException());
      return;
    } catch (IllegalArgumentException e) {
      call.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    String rawTable = TableNameBuilder.rawTableName(instanceRequest.tableNameWithType());
    if (principal != null && !principal.hasTable(rawTable)) {
      call.onError(Status.PERMISSION_DENIED.withDescription("Principal " + principal.name()
          + " has no access to table " + rawTable).asRuntimeException());
      return;
    }
    QueryScheduler.Submission submission = scheduler.schedule(instanceRequest);
    call.setOnCancelHandler(submission.cancel());
    boolean streaming = metadata.enableStreaming();
    submission.result().whenComplete((bytes, error) -> {
      if (error != null) {
        LOGGER.error("gRPC query {} failed", instanceRequest.requestId(), error);
        sender.fail(Status.INTERNAL.withDescription(error.toString()));
        return;
      }
      DataTable table = DataTable.fromBytes(bytes);
      sender.start(ResponseBlocks.of(table, bytes, streaming), GrpcStatuses.of(table.exceptions()));
    });
  }

  /// The request's `authorization` metadata (the key in any case), or null.
  private static @Nullable String credential(Map<String, String> metadata) {
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(AUTHORIZATION)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private InstanceRequest toInstanceRequest(ServerRequest request, GrpcRequestMetadata metadata) {
    if (!GrpcRequestMetadata.PAYLOAD_TYPE_SQL.equals(metadata.payloadType())) {
      throw new IllegalArgumentException("payloadType " + metadata.payloadType() + " is not supported; send the "
          + "query as Pinot SQL in the sql field with payloadType sql");
    }
    if (request.getSql().isBlank()) {
      throw new IllegalArgumentException("The request has no sql");
    }
    CompiledQuery query = compiled.get(request.getSql());
    Long optionTimeout = query.timeoutMs();
    long timeoutMs = optionTimeout == null ? defaultTimeoutMs : optionTimeout;
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null) {
      timeoutMs = Math.max(1, Math.min(timeoutMs, deadline.timeRemaining(TimeUnit.MILLISECONDS)));
    }
    List<String> segments = request.getSegmentsList();
    return new InstanceRequest(metadata.requestId(), metadata.brokerId(), request.getSql(), query.tableName(),
        segments, timeoutMs, Map.of(), metadata.enableTrace());
  }
}
