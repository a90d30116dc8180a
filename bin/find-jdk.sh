#!/usr/bin/env bash
# Sourced by mvnw and pinot-admin.sh: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: JAVA_HOME if it is 25+, then the JVM install directories (a JDK whose `release` file says 25+).

pinot_java_major() {
  # Prints the major version recorded in "$1/release", or nothing.
  local release="$1/release" version
  [ -f "$release" ] || return 0
  version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release" | head -n 1)
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

pinot_find_jdk() {
  local major candidate
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(pinot_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ -x "$JAVA_HOME/bin/java" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    major=$(pinot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ -x "$candidate/bin/java" ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "ERROR: no JDK 25 or newer found (checked JAVA_HOME and /usr/lib/jvm, /usr/java, /opt/java)." >&2
  echo "Install a JDK 25, for example Eclipse Temurin 25 (https://adoptium.net), or set JAVA_HOME to one." >&2
  return 1
}
