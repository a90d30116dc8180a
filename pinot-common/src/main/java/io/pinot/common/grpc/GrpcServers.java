// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.grpc;

import io.grpc.Server;
import java.util.concurrent.TimeUnit;

/// Stopping a gRPC server: calls in flight get two seconds to finish, then the rest are cancelled.
public final class GrpcServers {
  private GrpcServers() {
  }

  public static void shutdown(Server server) {
    server.shutdown();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
