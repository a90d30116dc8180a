#!/usr/bin/env bash
# The cluster benchmark: generates the bench events data if needed, then runs ClusterBenchmark (separate
# ZooKeeper, controller, broker and server processes from the distribution). Usage:
#   pinot-perf/bin/cluster-benchmark.sh <rows> <work-dir> [ClusterBenchmark options...]
# e.g. pinot-perf/bin/cluster-benchmark.sh 10000000 /tmp/bench --runs 5 --warmup 1 --concurrency 1,8
# BENCH_MAIN names another benchmark class of io.pinot.perf.cluster run the same way (see proxy-benchmark.sh).
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
main="${BENCH_MAIN:-ClusterBenchmark}"
cluster="$work/${BENCH_WORK_SUBDIR:-cluster}"
rm -rf "$cluster" && mkdir -p "$cluster"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "pinot-perf/target/classes:$(cat pinot-perf/target/bench.classpath)" "io.pinot.perf.cluster.$main" \
  --distribution "$root/distribution/target/pinot-$version-bin" --data "$data" --bench-dir "$bench" \
  --work "$cluster" "$@"
