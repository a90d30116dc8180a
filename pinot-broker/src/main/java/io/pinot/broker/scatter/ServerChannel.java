// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.scatter;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.common.transport.TransportMessages;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// One multiplexed connection from a broker to a server. Requests are written as they come; responses are
/// matched to their futures by request id. When the connection drops, every pending request fails at once
/// (a dead server costs its queries no timeout); the next request reconnects. Thread-safe.
final class ServerChannel {
  private final ServerAddress server;
  private final Bootstrap bootstrap;
  private final Map<Long, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
  private volatile @Nullable Channel channel;

  ServerChannel(ServerAddress server, Bootstrap bootstrap) {
    this.server = server;
    this.bootstrap = bootstrap;
  }

  /// Sends the request; the future completes with the serialized DataTable or fails with an IOException.
  CompletableFuture<byte[]> send(InstanceRequest request) {
    CompletableFuture<byte[]> response = new CompletableFuture<>();
    Channel connected;
    try {
      connected = connect();
    } catch (IOException e) {
      response.completeExceptionally(e);
      return response;
    }
    pending.put(request.requestId(), response);
    ByteBuf frame = connected.alloc().buffer(256);
    TransportMessages.writeRequest(request, frame);
    connected.writeAndFlush(frame).addListener(write -> {
      if (!write.isSuccess()) {
        fail(request.requestId(), new IOException("Cannot send request to " + server.instanceId() + ": "
            + write.cause().getMessage(), write.cause()));
      }
    });
    return response;
  }

  /// Forgets a request the broker stopped waiting for.
  void cancel(long requestId) {
    pending.remove(requestId);
  }

  void close() {
    Channel current = channel;
    if (current != null) {
      current.close();
    }
  }

  private Channel connect() throws IOException {
    Channel current = channel;
    if (current != null && current.isActive()) {
      return current;
    }
    synchronized (this) {
      current = channel;
      if (current != null && current.isActive()) {
        return current;
      }
      ChannelFuture future = bootstrap.connect(server.host(), server.port()).awaitUninterruptibly();
      if (!future.isSuccess()) {
        Throwable cause = future.cause();
        throw new ConnectException("Cannot connect to server " + server.instanceId() + " at " + server.host() + ":"
            + server.port() + ": " + (cause == null ? "timed out" : cause.getMessage()));
      }
      Channel opened = future.channel();
      opened.pipeline().addLast(new ResponseHandler());
      opened.closeFuture().addListener(closed -> failAll(opened));
      channel = opened;
      return opened;
    }
  }

  private void fail(long requestId, IOException error) {
    CompletableFuture<byte[]> response = pending.remove(requestId);
    if (response != null) {
      response.completeExceptionally(error);
    }
  }

  private void failAll(Channel closed) {
    if (channel == closed) {
      channel = null;
    }
    IOException error = new IOException("Connection to server " + server.instanceId() + " closed");
    for (Long requestId : pending.keySet()) {
      fail(requestId, error);
    }
  }

  private final class ResponseHandler extends SimpleChannelInboundHandler<ByteBuf> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
      if (frame.readByte() != TransportMessages.RESPONSE) {
        context.close();
        return;
      }
      long requestId = frame.readLong();
      byte[] dataTable = new byte[frame.readInt()];
      frame.readBytes(dataTable);
      CompletableFuture<byte[]> response = pending.remove(requestId);
      if (response != null) {
        response.complete(dataTable);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      context.close();
    }
  }
}
