#!/usr/bin/env bash
# Runs the JMH kernel benchmarks of pinot-perf. Arguments go to JMH, e.g.
#   pinot-perf/bin/jmh.sh ForwardIndexBenchmark -f 1 -wi 3 -i 5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/bin/find-jdk.sh"
pinot_find_jdk || exit 1
cd "$root"
./mvnw -q -Pfast -DskipTests install -pl pinot-perf -am
./mvnw -q -Pfast dependency:build-classpath -pl pinot-perf -Dmdep.outputFile=target/jmh.classpath >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "pinot-perf/target/classes:$(cat pinot-perf/target/jmh.classpath)" org.openjdk.jmh.Main "$@"
