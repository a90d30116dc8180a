#!/usr/bin/env bash
# Replays a query file against segment directories in one JVM (server execution + broker reduce, no network),
# for profiling and quick before/after figures. Usage (after `./mvnw -Pfast -DskipTests install`):
#   pinot-perf/bin/segment-replay.sh --segments /tmp/bench/cluster/server-0/index/events_OFFLINE \
#     --schema ../shared/bench/pinot/events_schema.json --queries ../shared/bench/queries.sql [--only 'Q1[1-3]']
# Extra JVM options go in REPLAY_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=/tmp/replay.jfr).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/find-jdk.sh"
pinot_find_jdk || exit 1
cd "$root"
if [ ! -f pinot-perf/target/bench.classpath ]; then
  ./mvnw -q -Pfast dependency:build-classpath -pl pinot-perf -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  ${REPLAY_JAVA_OPTS:-} -cp "pinot-perf/target/classes:$(cat pinot-perf/target/bench.classpath)" \
  io.pinot.perf.cluster.SegmentReplay "$@"
