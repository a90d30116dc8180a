// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.pinot.common.proto.Server.ServerResponse;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/// Writes the messages of one answer with gRPC flow control: a message is made and sent only while the transport
/// is ready, and the rest waits for the call's on-ready callback, so a slow client holds back the server instead of
/// filling its heap with serialized blocks. Ends the call with the answer's status. Thread-safe: the query thread
/// starts it, gRPC's callback thread continues it.
final class ResponseSender {
  private final ServerCallStreamObserver<ServerResponse> call;
  private @Nullable Iterator<ServerResponse> messages;
  private Status status = Status.OK;
  private boolean finished;

  ResponseSender(ServerCallStreamObserver<ServerResponse> call) {
    this.call = call;
  }

  /// Starts sending `messages`, then ends the call with `endStatus`.
  synchronized void start(Iterator<ServerResponse> answer, Status endStatus) {
    this.messages = answer;
    this.status = endStatus;
    drain();
  }

  /// Ends the call with an error and no messages.
  synchronized void fail(Status error) {
    if (!finished) {
      finished = true;
      if (!call.isCancelled()) {
        call.onError(error.asRuntimeException());
      }
    }
  }

  /// Sends what the transport takes now; called by [#start] and on every on-ready callback.
  synchronized void drain() {
    Iterator<ServerResponse> answer = messages;
    if (answer == null || finished) {
      return;
    }
    if (call.isCancelled()) {
      finished = true;
      return;
    }
    while (call.isReady() && answer.hasNext()) {
      call.onNext(answer.next());
    }
    if (!answer.hasNext()) {
      finished = true;
      if (status.isOk()) {
        call.onCompleted();
      } else {
        call.onError(status.asRuntimeException());
      }
    }
  }
}
