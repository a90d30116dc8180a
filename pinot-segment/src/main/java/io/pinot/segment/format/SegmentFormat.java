// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import io.pinot.spi.data.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/// Constants of the on-disk segment format (`docs/segment-format.md` is the full description).
///
/// A segment is a directory `<segmentName>/v3/` holding `metadata.properties`, `creation.meta`, `index_map` and
/// the single data file `columns.psf`. The data file starts with [#FILE_MAGIC] and [#FILE_VERSION]; every index
/// buffer in it starts at an 8-byte aligned offset with a 4-byte ASCII tag and an int32 version. All numbers are
/// little-endian.
public final class SegmentFormat {
  /// The value of `segment.index.version` in `metadata.properties` of segments written by this build.
  public static final String FORMAT_VERSION = "psf2";
  /// Every `segment.index.version` this build reads: `psf1` segments hold a subset of the `psf2` buffers.
  public static final List<String> READABLE_VERSIONS = List.of("psf1", "psf2");

  public static final String V3_DIR = "v3";
  public static final String METADATA_FILE = "metadata.properties";
  public static final String CREATION_META_FILE = "creation.meta";
  public static final String INDEX_MAP_FILE = "index_map";
  public static final String DATA_FILE = "columns.psf";

  /// The first 8 bytes of `columns.psf`.
  public static final byte[] FILE_MAGIC = "PINOTPSF".getBytes(StandardCharsets.US_ASCII);
  public static final int FILE_VERSION = 1;
  /// Size of the `columns.psf` file header (magic, version, reserved int).
  public static final int FILE_HEADER_SIZE = 16;
  /// Every index buffer starts at a multiple of this.
  public static final int ALIGNMENT = 8;

  /// Tags of the index buffers (first 4 bytes of each buffer).
  public static final String TAG_DICTIONARY_FIXED = "DFIX";
  public static final String TAG_DICTIONARY_VAR = "DVAR";
  /// Frame-of-reference packed INT/LONG dictionary (psf2).
  public static final String TAG_DICTIONARY_FOR = "DFOR";
  public static final String TAG_FORWARD_SV_PACKED = "FSVB";
  public static final String TAG_FORWARD_SORTED = "FSRT";
  public static final String TAG_FORWARD_MV_PACKED = "FMVB";
  public static final String TAG_FORWARD_RAW_FIXED = "RFIX";
  public static final String TAG_FORWARD_RAW_VAR = "RVAR";
  /// Chunked (compressed) raw fixed-width single-value forward index (psf2).
  public static final String TAG_FORWARD_RAW_FIXED_CHUNKED = "RFXC";
  /// Chunked raw multi-value forward index (psf2).
  public static final String TAG_FORWARD_RAW_MV = "RMVB";
  /// Bit-sliced range index (psf2).
  public static final String TAG_RANGE = "RANG";
  /// Bloom filter (psf2).
  public static final String TAG_BLOOM = "BLOM";
  /// Null value vector (psf2).
  public static final String TAG_NULL_VECTOR = "NULV";
  public static final String TAG_SORTED = "SRTD";
  public static final String TAG_INVERTED = "INVB";
  /// Version written after each tag.
  public static final int INDEX_VERSION = 1;

  /// Documents per chunk of a raw variable-width forward index.
  public static final int RAW_VAR_DOCS_PER_CHUNK = 1024;
  /// Chunk codec byte: stored as is (the other codes are those of
  /// `io.pinot.segment.index.forward.ChunkCodec`).
  public static final int CODEC_PASS_THROUGH = 0;
  /// Size of a raw chunk header: codec byte, layout byte, 2 zero bytes, numDocsInChunk, uncompressedSize,
  /// storedSize.
  public static final int CHUNK_HEADER_SIZE = 16;
  /// Chunk layout byte: the payload starts with `numDocsInChunk + 1` int32 value offsets.
  public static final int CHUNK_OFFSETS = 0;
  /// Chunk layout byte: every value of the chunk has the same length, stored once as an int32.
  public static final int CHUNK_FIXED_LENGTH = 1;
  /// Chunk layout byte: lower-case hex text of one even length, stored as the decoded bytes (psf2).
  public static final int CHUNK_HEX = 2;

  /// Documents per anchor of the multi-value offsets (see [#TAG_FORWARD_MV_PACKED]).
  public static final int MV_ANCHOR_SHIFT = 6;

  private SegmentFormat() {
  }

  /// The int32 code of a stored type in index headers.
  public static int typeCode(DataType storedType) {
    return switch (storedType) {
      case INT -> 0;
      case LONG -> 1;
      case FLOAT -> 2;
      case DOUBLE -> 3;
      case BIG_DECIMAL -> 4;
      case STRING -> 5;
      case BYTES -> 6;
      default -> throw new IllegalArgumentException("Type " + storedType + " is not a stored type");
    };
  }

  public static DataType typeOf(int code) {
    return switch (code) {
      case 0 -> DataType.INT;
      case 1 -> DataType.LONG;
      case 2 -> DataType.FLOAT;
      case 3 -> DataType.DOUBLE;
      case 4 -> DataType.BIG_DECIMAL;
      case 5 -> DataType.STRING;
      case 6 -> DataType.BYTES;
      default -> throw new IllegalStateException("Unknown stored type code " + code);
    };
  }

  /// The tag as the little-endian int32 it is read as.
  public static int tagValue(String tag) {
    byte[] bytes = tag.getBytes(StandardCharsets.US_ASCII);
    return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
  }

  /// `value` rounded up to the next multiple of [#ALIGNMENT].
  public static long align(long value) {
    return (value + ALIGNMENT - 1) & -ALIGNMENT;
  }
}
