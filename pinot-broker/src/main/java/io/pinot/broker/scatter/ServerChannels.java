// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.scatter;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.common.transport.TransportMessages;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/// The broker's connections to servers, one multiplexed [ServerChannel] per server address, on one small
/// Netty event loop group. Thread-safe.
public final class ServerChannels implements AutoCloseable {
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final Map<String, ServerChannel> channels = new ConcurrentHashMap<>();

  public ServerChannels(int connectTimeoutMs) {
    group = new MultiThreadIoEventLoopGroup(Math.min(4, Runtime.getRuntime().availableProcessors()),
        NioIoHandler.newFactory());
    bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline()
                .addLast(new LengthFieldBasedFrameDecoder(TransportMessages.MAX_FRAME_BYTES, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4));
          }
        });
  }

  /// Sends a request to a server; the future completes with its serialized DataTable response or fails.
  public CompletableFuture<byte[]> send(ServerAddress server, InstanceRequest request) {
    return channel(server).send(request);
  }

  /// Stops waiting for a request's response.
  public void cancel(ServerAddress server, long requestId) {
    ServerChannel channel = channels.get(key(server));
    if (channel != null) {
      channel.cancel(requestId);
    }
  }

  private ServerChannel channel(ServerAddress server) {
    return channels.computeIfAbsent(key(server), key -> new ServerChannel(server, bootstrap));
  }

  private static String key(ServerAddress server) {
    return server.host() + ":" + server.port();
  }

  @Override
  public void close() {
    for (ServerChannel channel : channels.values()) {
      channel.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }
}
