// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A bloom filter's settings (Pinot's `BloomFilterConfig`, in `tableIndexConfig.bloomFilterConfigs` or
/// `fieldConfigList[].indexes.bloom`): the target false-positive probability `fpp` (default 0.05), a size cap
/// `maxSizeInBytes` (0: none) and `loadOnHeap` (copy the filter to the heap when the segment loads). Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BloomFilterConfig(
    @JsonProperty("fpp") @Nullable Double fpp,
    @JsonProperty("maxSizeInBytes") @Nullable Integer maxSizeInBytes,
    @JsonProperty("loadOnHeap") @Nullable Boolean loadOnHeap,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /// Pinot's default false-positive probability.
  public static final double DEFAULT_FPP = 0.05;

  public BloomFilterConfig {
    if (fpp != null && fpp != 0.0 && !(fpp > 0.0 && fpp < 1.0)) {
      throw new IllegalArgumentException("Invalid bloom filter fpp[" + fpp + "]: it must be in (0, 1)");
    }
    if (maxSizeInBytes != null && maxSizeInBytes < 0) {
      throw new IllegalArgumentException("Invalid bloom filter maxSizeInBytes[" + maxSizeInBytes + "]");
    }
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// The default settings.
  public static BloomFilterConfig defaults() {
    return new BloomFilterConfig(null, null, null, Map.of());
  }

  /// Settings read from a parsed JSON object (the `indexes.bloom` form); missing keys take the defaults.
  public static BloomFilterConfig fromMap(Map<String, Object> json) {
    Object fpp = json.get("fpp");
    Object maxSize = json.get("maxSizeInBytes");
    Object onHeap = json.get("loadOnHeap");
    return new BloomFilterConfig(fpp == null ? null : Double.valueOf(fpp.toString()),
        maxSize == null ? null : Integer.valueOf(maxSize.toString()),
        onHeap == null ? null : Boolean.valueOf(onHeap.toString()), Map.of());
  }

  /// The false-positive probability to build for (0 or unset means the default).
  public double effectiveFpp() {
    return fpp == null || fpp == 0.0 ? DEFAULT_FPP : fpp;
  }

  /// The size cap in bytes, 0 when there is none.
  public int effectiveMaxSizeInBytes() {
    return maxSizeInBytes == null ? 0 : maxSizeInBytes;
  }

  public boolean effectiveLoadOnHeap() {
    return loadOnHeap != null && loadOnHeap;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
