#!/usr/bin/env bash
# The real-time ingestion benchmark: an in-process Kafka broker (KRaft) and a one-server cluster in one JVM;
# measures the events/s one server ingests from pre-produced messages (with and without the segment commit) and
# produce-to-query freshness at p50/p99. Options go to RealtimeIngestionBenchmark, e.g.
#   pinot-perf/bin/ingestion-benchmark.sh --messages 2000000 --partitions 4 --flushRows 500000 \
#     --freshnessSamples 5000 --out /tmp/ingestion.txt
# Extra JVM options go in BENCH_JAVA_OPTS (default -Xmx6g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/find-jdk.sh"
pinot_find_jdk || exit 1
cd "$root"
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -q -Pfast -DskipTests install -pl pinot-perf -am
fi
./mvnw -q -Pfast dependency:build-classpath -pl pinot-perf -Dmdep.outputFile=target/bench.classpath >/dev/null
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx6g} --enable-native-access=ALL-UNNAMED \
  --sun-misc-unsafe-memory-access=allow --add-modules jdk.incubator.vector \
  -cp "pinot-perf/target/classes:$(cat pinot-perf/target/bench.classpath)" \
  io.pinot.perf.cluster.RealtimeIngestionBenchmark "$@"
