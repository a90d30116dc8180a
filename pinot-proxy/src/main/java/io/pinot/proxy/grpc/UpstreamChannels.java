// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/// One plaintext channel per upstream server (`host:port`), made on first use and idle-closed by gRPC after a
/// minute without calls. Thread-safe.
final class UpstreamChannels implements AutoCloseable {
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final int maxInboundMessageBytes;

  UpstreamChannels(int maxInboundMessageBytes) {
    this.maxInboundMessageBytes = maxInboundMessageBytes;
  }

  ManagedChannel channel(String host, int port) {
    return channels.computeIfAbsent(host + ":" + port, key -> NettyChannelBuilder.forAddress(host, port)
        .usePlaintext().maxInboundMessageSize(maxInboundMessageBytes).idleTimeout(1, TimeUnit.MINUTES).build());
  }

  @Override
  public void close() {
    for (ManagedChannel channel : channels.values()) {
      channel.shutdownNow();
    }
    channels.clear();
  }
}
