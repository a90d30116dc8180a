#!/usr/bin/env bash
# Streaming-scan throughput and latency through pinot-proxy against direct access (ProxyBenchmark): separate
# ZooKeeper, controller, broker, server and proxy processes from the distribution, the bench events table. Usage:
#   pinot-perf/bin/proxy-benchmark.sh <rows> <work-dir> [ProxyBenchmark options...]
# e.g. pinot-perf/bin/proxy-benchmark.sh 10000000 /tmp/bench --concurrency 1,8 --scans 40 --rounds 4
set -euo pipefail
BENCH_MAIN=ProxyBenchmark BENCH_WORK_SUBDIR=proxy-cluster exec "$(dirname "${BASH_SOURCE[0]}")/cluster-benchmark.sh" "$@"
