#!/usr/bin/env bash
# pinot-admin.sh: Apache Pinot's admin launcher (StartController, AddTable, LaunchDataIngestionJob, QuickStart...).
#
# The same script runs in two places:
#  - in the distribution (bin/ beside conf/ and lib/): runs the jars in lib/;
#  - in the source repository (bin/ beside pom.xml and mvnw): builds the distribution on first use
#    (distribution/target/pinot-<version>-bin), then runs from there. PINOT_REBUILD=1 forces a rebuild.
# It finds a JDK 25 or newer (bin/find-jdk.sh: JAVA_HOME, then the usual install directories) and honours
# JAVA_OPTS (heap size, system properties...), which come after the built-in JVM flags and so can override them.
set -euo pipefail

# This script's directory, following symlinks (e.g. /usr/local/bin/pinot-admin.sh -> .../bin/pinot-admin.sh).
source_path="${BASH_SOURCE[0]}"
while [ -L "$source_path" ]; do
  link_dir="$(cd -P "$(dirname "$source_path")" && pwd)"
  source_path="$(readlink "$source_path")"
  case "$source_path" in
    /*) ;;
    *) source_path="$link_dir/$source_path" ;;
  esac
done
bin_dir="$(cd -P "$(dirname "$source_path")" && pwd)"
base_dir="$(dirname "$bin_dir")"

# shellcheck source=bin/find-jdk.sh
. "$bin_dir/find-jdk.sh"
pinot_find_jdk || exit 1

if [ -f "$base_dir/pom.xml" ] && [ -x "$base_dir/mvnw" ]; then
  # In the source repository: the project version is the root POM's first two-space-indented <version>.
  version="$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' "$base_dir/pom.xml" | head -n 1)"
  pinot_home="$base_dir/distribution/target/pinot-$version-bin"
  if [ ! -d "$pinot_home/lib" ] || [ "${PINOT_REBUILD:-0}" = "1" ]; then
    echo "Building the distribution (first run only, a few minutes)..." >&2
    # -DskipITs too: failsafe 3.6 no longer follows -DskipTests.
    # Maven 3.8 still prints colour-reset codes with -q; strip them.
    if ! (cd "$base_dir" && ./mvnw -q -B -Dstyle.color=never -Pfast -DskipTests -DskipITs \
        install -pl distribution -am 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2); then
      echo "ERROR: building the distribution failed (see above). Retry with:" >&2
      echo "  ./mvnw -Pfast -DskipTests -DskipITs install -pl distribution -am" >&2
      exit 1
    fi
  elif [ -n "$(find "$base_dir" -path "$base_dir/*/src/main/*" -newer "$pinot_home/lib" -type f -print -quit \
      2>/dev/null)" ]; then
    echo "Note: sources changed since the distribution was built; PINOT_REBUILD=1 $0 ... rebuilds it." >&2
  fi
else
  pinot_home="$base_dir"
fi

if [ ! -d "$pinot_home/lib" ]; then
  echo "ERROR: $pinot_home/lib not found: this script must run from a Pinot distribution or source tree." >&2
  exit 1
fi

# PINOT_AOT_CACHE names a JDK AOT cache (classes loaded and linked, and JIT profiles, recorded by a training run):
# when the file exists the JVM starts from it, so queries reach compiled code sooner; when it does not, this run is the
# training run and writes it when the JVM exits. A cache made by another JDK or other jars is ignored with a warning.
aot_opts=()
if [ -n "${PINOT_AOT_CACHE:-}" ]; then
  if [ -f "$PINOT_AOT_CACHE" ]; then
    aot_opts=("-XX:AOTCache=$PINOT_AOT_CACHE")
  else
    aot_opts=("-XX:AOTCacheOutput=$PINOT_AOT_CACHE")
  fi
fi

# Built-in JVM flags: native access (compression codecs, Netty) without warnings; Unsafe memory access for
# Netty and Kafka clients; log4j2 configuration; JUL (Jersey, Grizzly) routed to log4j2.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags, split on purpose.
exec "$JAVA_HOME/bin/java" \
  --enable-native-access=ALL-UNNAMED \
  --sun-misc-unsafe-memory-access=allow \
  -Dlog4j2.configurationFile="$pinot_home/conf/log4j2.xml" \
  -Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager \
  -Dpinot.admin.home="$pinot_home" \
  ${aot_opts[@]+"${aot_opts[@]}"} \
  ${JAVA_OPTS:-} \
  -cp "$pinot_home/lib/*" \
  io.pinot.tools.admin.PinotAdministrator "$@"
