#!/usr/bin/env bash
# Streaming-scan throughput and latency through pinot-proxy against direct access (ProxyBenchmark): separate
# ZooKeeper, controller, broker, server and proxy processes from the distribution, the bench events table. Usage:
#   pinot-perf/bin/proxy-benchmark.sh <rows> <work-dir> [ProxyBenchmark options...]
# e.g. pinot-perf/bin/proxy-benchmark.sh 10000000 /tmp/bench --concurrency 1,8 --scans 40
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:?rows}"; work="${2:?work dir}"; shift 2
. "$root/bin/find-jdk.sh"
pinot_find_jdk || exit 1
bench="$root/../shared/bench"
data="$work/data-$rows"
if [ ! -d "$data" ]; then
  python3 "$bench/gen_data.py" --rows "$rows" --rows-per-file 1000000 --out "$data" --jobs 2
fi
cd "$root"
./mvnw -q -Pfast -DskipTests install
./mvnw -q -Pfast dependency:build-classpath -pl pinot-perf -Dmdep.outputFile=target/bench.classpath >/dev/null
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
rm -rf "$work/proxy-cluster" && mkdir -p "$work/proxy-cluster"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "pinot-perf/target/classes:$(cat pinot-perf/target/bench.classpath)" io.pinot.perf.cluster.ProxyBenchmark \
  --distribution "$root/distribution/target/pinot-$version-bin" --data "$data" --bench-dir "$bench" \
  --work "$work/proxy-cluster" "$@"
