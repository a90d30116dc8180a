// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/// `pushJobSpec`: how segments are pushed. `pushAttempts` (default 1) tries per segment,
/// `pushRetryIntervalMillis` (default 1000) between tries, `pushParallelism` (default 1) segments at a time.
/// URI push sends `segmentUriPrefix + <tarball path> + segmentUriSuffix` as the download URI (without a
/// prefix, the tarball's full URI). `pushFileNamePattern` (`glob:`/`regex:`) picks the tarballs a
/// `SegmentTarPush`/`SegmentUriPush` job pushes from `outputDirURI`. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record PushJobSpec(
    @JsonProperty("pushAttempts") int pushAttempts,
    @JsonProperty("pushParallelism") int pushParallelism,
    @JsonProperty("pushRetryIntervalMillis") long pushRetryIntervalMillis,
    @JsonProperty("segmentUriPrefix") @Nullable String segmentUriPrefix,
    @JsonProperty("segmentUriSuffix") @Nullable String segmentUriSuffix,
    @JsonProperty("pushFileNamePattern") @Nullable String pushFileNamePattern) {

  public PushJobSpec {
    pushAttempts = pushAttempts <= 0 ? 1 : pushAttempts;
    pushParallelism = pushParallelism <= 0 ? 1 : pushParallelism;
    pushRetryIntervalMillis = pushRetryIntervalMillis <= 0 ? 1000 : pushRetryIntervalMillis;
  }
}
