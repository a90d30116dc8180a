// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/// Counters of one proxy, served as Prometheus text at `GET /metrics` on the REST listener. Thread-safe.
public final class ProxyMetrics {
  private final LongAdder grpcCalls = new LongAdder();
  private final LongAdder grpcRefused = new LongAdder();
  private final LongAdder grpcMessages = new LongAdder();
  private final LongAdder grpcBytes = new LongAdder();
  private final AtomicLong grpcActive = new AtomicLong();
  private final LongAdder restCalls = new LongAdder();
  private final LongAdder restRefused = new LongAdder();
  private final LongAdder restUpstreamErrors = new LongAdder();

  public void grpcCallStarted() {
    grpcCalls.increment();
    grpcActive.incrementAndGet();
  }

  public void grpcCallEnded() {
    grpcActive.decrementAndGet();
  }

  public void grpcRefused() {
    grpcRefused.increment();
  }

  public void grpcMessageRelayed(int bytes) {
    grpcMessages.increment();
    grpcBytes.add(bytes);
  }

  public void restCall() {
    restCalls.increment();
  }

  public void restRefused() {
    restRefused.increment();
  }

  public void restUpstreamError() {
    restUpstreamErrors.increment();
  }

  public long grpcActiveCalls() {
    return grpcActive.get();
  }

  /// The counters in the Prometheus text format.
  public String prometheusText() {
    StringBuilder out = new StringBuilder();
    counter(out, "pinot_proxy_grpc_calls_total", "gRPC segment queries received", grpcCalls.sum());
    counter(out, "pinot_proxy_grpc_refused_total", "gRPC calls refused (target, credentials)", grpcRefused.sum());
    counter(out, "pinot_proxy_grpc_messages_total", "gRPC response messages relayed", grpcMessages.sum());
    counter(out, "pinot_proxy_grpc_bytes_total", "gRPC response bytes relayed", grpcBytes.sum());
    out.append("# HELP pinot_proxy_grpc_active_calls gRPC calls in progress\n")
        .append("# TYPE pinot_proxy_grpc_active_calls gauge\n")
        .append("pinot_proxy_grpc_active_calls ").append(grpcActive.get()).append('\n');
    counter(out, "pinot_proxy_rest_calls_total", "REST calls received", restCalls.sum());
    counter(out, "pinot_proxy_rest_refused_total", "REST calls refused (credentials, size)", restRefused.sum());
    counter(out, "pinot_proxy_rest_upstream_errors_total", "REST calls whose upstream failed",
        restUpstreamErrors.sum());
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(value).append('\n');
  }
}
