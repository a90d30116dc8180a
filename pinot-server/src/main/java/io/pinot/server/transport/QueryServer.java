// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.common.transport.TransportMessages;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's end of the broker↔server query transport: accepts length-prefixed request frames (see
/// [TransportMessages]), hands each request to the query handler off the event loop, and writes the
/// serialized DataTable back on the same connection when it completes. Responses may come back in any
/// order; brokers match them by request id.
public final class QueryServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(QueryServer.class);

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final Channel channel;
  private final int port;

  /// Binds `port` (0 for a free one) on all interfaces.
  public QueryServer(int port, Function<InstanceRequest, CompletableFuture<byte[]>> handler)
      throws InterruptedException {
    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workerGroup = new MultiThreadIoEventLoopGroup(Math.min(4, Runtime.getRuntime().availableProcessors()),
        NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, workerGroup)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline()
                .addLast(new LengthFieldBasedFrameDecoder(TransportMessages.MAX_FRAME_BYTES, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4))
                .addLast(new RequestHandler(handler));
          }
        });
    channel = bootstrap.bind(port).sync().channel();
    this.port = ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  private static final class RequestHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final Function<InstanceRequest, CompletableFuture<byte[]>> handler;

    RequestHandler(Function<InstanceRequest, CompletableFuture<byte[]>> handler) {
      this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
      byte kind = frame.readByte();
      if (kind != TransportMessages.REQUEST) {
        LOGGER.warn("Dropping connection from {}: unexpected frame kind {}", context.channel().remoteAddress(), kind);
        context.close();
        return;
      }
      InstanceRequest request = TransportMessages.readRequest(frame);
      handler.apply(request).whenComplete((dataTable, error) -> {
        if (error != null) {
          LOGGER.error("Request {} failed without a response", request.requestId(), error);
          return;
        }
        ByteBuf out = context.alloc().buffer(13 + dataTable.length);
        TransportMessages.writeResponse(request.requestId(), dataTable, out);
        context.writeAndFlush(out);
      });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      LOGGER.warn("Closing query connection from {}: {}", context.channel().remoteAddress(), cause.getMessage());
      context.close();
    }
  }
}
