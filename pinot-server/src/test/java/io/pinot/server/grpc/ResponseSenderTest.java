// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.pinot.common.proto.Server.ServerResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ResponseSenderTest {

  /// A call whose readiness the test sets; records what the sender wrote.
  private static final class FakeCall extends ServerCallStreamObserver<ServerResponse> {
    boolean ready;
    boolean cancelled;
    final List<ServerResponse> sent = new ArrayList<>();
    @Nullable Throwable error;
    boolean completed;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void onNext(ServerResponse value) {
      sent.add(value);
      ready = sent.size() % 2 != 0; // the transport takes two messages, then needs a callback
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onCompleted() {
      completed = true;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
    }

    @Override
    public void setCompression(String compression) {
    }

    @Override
    public void disableAutoInboundFlowControl() {
    }

    @Override
    public void request(int count) {
    }

    @Override
    public void setMessageCompression(boolean enable) {
    }
  }

  /// Counts how many messages were made, to show that nothing is made ahead of the transport.
  private static final class CountingMessages implements Iterator<ServerResponse> {
    final int total;
    int made;

    CountingMessages(int total) {
      this.total = total;
    }

    @Override
    public boolean hasNext() {
      return made < total;
    }

    @Override
    public ServerResponse next() {
      made++;
      return ServerResponse.newBuilder().putMetadata("n", Integer.toString(made)).build();
    }
  }

  @Test
  void sendsOnlyWhileTheTransportIsReadyAndEndsWithTheStatus() {
    FakeCall call = new FakeCall();
    ResponseSender sender = new ResponseSender(call);
    CountingMessages messages = new CountingMessages(5);

    sender.start(messages, Status.NOT_FOUND.withDescription("gone"));
    assertThat(messages.made).isZero();

    call.ready = true;
    sender.drain();
    assertThat(messages.made).isEqualTo(2);
    assertThat(call.error).isNull();

    call.ready = true;
    sender.drain();
    call.ready = true;
    sender.drain();
    assertThat(call.sent).hasSize(5);
    assertThat(call.completed).isFalse();
    assertThat(call.error).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getDescription()).isEqualTo("gone"));

    call.ready = true;
    sender.drain();
    assertThat(call.sent).hasSize(5);
  }

  @Test
  void aCancelledCallGetsNothingMore() {
    FakeCall call = new FakeCall();
    ResponseSender sender = new ResponseSender(call);
    CountingMessages messages = new CountingMessages(3);
    call.cancelled = true;
    call.ready = true;
    sender.start(messages, Status.OK);
    assertThat(messages.made).isZero();
    assertThat(call.completed).isFalse();
    sender.fail(Status.INTERNAL);
    assertThat(call.error).isNull();
  }

  @Test
  void aSuccessfulAnswerCompletes() {
    FakeCall call = new FakeCall();
    call.ready = true;
    ResponseSender sender = new ResponseSender(call);
    sender.start(new CountingMessages(1), Status.OK);
    assertThat(call.sent).hasSize(1);
    assertThat(call.completed).isTrue();
  }
}
