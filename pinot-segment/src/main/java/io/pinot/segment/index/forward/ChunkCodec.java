// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import com.github.luben.zstd.Zstd;
import io.pinot.spi.config.table.FieldConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.jspecify.annotations.Nullable;
import org.xerial.snappy.Snappy;

/// The compression codecs of raw forward index chunks, with the code stored in each chunk header's codec byte.
/// Each codec is a library's block format, never a home-made one: SNAPPY is snappy-java's raw Snappy block,
/// LZ4 lz4-java's raw LZ4 block (fast compressor), ZSTANDARD a zstd-jni frame at level 3, GZIP the JDK's raw
/// DEFLATE stream (RFC 1951, level 6, as `java.util.zip` writes it without the gzip wrapper). Stateless and
/// thread-safe; GZIP decoding takes a caller-owned [Inflater] so that readers can reuse one per thread.
public enum ChunkCodec {
  PASS_THROUGH(0),
  SNAPPY(1),
  LZ4(2),
  ZSTANDARD(3),
  GZIP(4);

  private static final int ZSTD_LEVEL = 3;
  private static final int DEFLATE_LEVEL = 6;
  private static final LZ4Compressor LZ4_COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
  private static final LZ4SafeDecompressor LZ4_DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();

  private final int code;

  ChunkCodec(int code) {
    this.code = code;
  }

  /// The codec byte of chunk headers.
  public int code() {
    return code;
  }

  public static ChunkCodec fromCode(int code) {
    for (ChunkCodec codec : values()) {
      if (codec.code == code) {
        return codec;
      }
    }
    throw new IllegalStateException("Unknown chunk codec " + code);
  }

  /// The codec of a table config's `compressionCodec`, or null for Pinot codecs that are not chunk codecs
  /// (DELTA, DELTADELTA, MV_ENTRY_DICT, CLP...).
  public static @Nullable ChunkCodec of(FieldConfig.CompressionCodec codec) {
    return switch (codec) {
      case PASS_THROUGH -> PASS_THROUGH;
      case SNAPPY -> SNAPPY;
      case LZ4 -> LZ4;
      case ZSTANDARD -> ZSTANDARD;
      case GZIP -> GZIP;
      case DELTA, DELTADELTA, MV_ENTRY_DICT, CLP, CLPV2, CLPV2_ZSTD, CLPV2_LZ4 -> null;
    };
  }

  /// The compressed form of `source[offset, offset + length)` (PASS_THROUGH: a copy).
  public byte[] compress(byte[] source, int offset, int length) {
    try {
      return switch (this) {
        case PASS_THROUGH -> Arrays.copyOfRange(source, offset, offset + length);
        case SNAPPY -> {
          byte[] out = new byte[Snappy.maxCompressedLength(length)];
          yield Arrays.copyOf(out, Snappy.compress(source, offset, length, out, 0));
        }
        case LZ4 -> {
          byte[] out = new byte[LZ4_COMPRESSOR.maxCompressedLength(length)];
          yield Arrays.copyOf(out, LZ4_COMPRESSOR.compress(source, offset, length, out, 0, out.length));
        }
        case ZSTANDARD -> {
          byte[] out = new byte[(int) Zstd.compressBound(length)];
          long written = Zstd.compressByteArray(out, 0, out.length, source, offset, length, ZSTD_LEVEL);
          if (Zstd.isError(written)) {
            throw new IllegalStateException("Zstandard compression failed: " + Zstd.getErrorName(written));
          }
          yield Arrays.copyOf(out, (int) written);
        }
        case GZIP -> deflate(source, offset, length);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /// Decompresses `source[offset, offset + length)` into exactly `uncompressedSize` bytes of `target`.
  ///
  /// @param inflater used by GZIP (reset first); may be null for the other codecs
  /// @throws IllegalStateException when the data is corrupt or does not have the expected size
  public void decompress(byte[] source, int offset, int length, byte[] target, int uncompressedSize,
      @Nullable Inflater inflater) {
    int produced;
    try {
      produced = switch (this) {
        case PASS_THROUGH -> {
          System.arraycopy(source, offset, target, 0, length);
          yield length;
        }
        case SNAPPY -> Snappy.uncompress(source, offset, length, target, 0);
        case LZ4 -> LZ4_DECOMPRESSOR.decompress(source, offset, length, target, 0, uncompressedSize);
        case ZSTANDARD -> {
          long n = Zstd.decompressByteArray(target, 0, uncompressedSize, source, offset, length);
          if (Zstd.isError(n)) {
            throw new IllegalStateException("Corrupt Zstandard chunk: " + Zstd.getErrorName(n));
          }
          yield (int) n;
        }
        case GZIP -> inflate(source, offset, length, target, uncompressedSize, inflater);
      };
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException state) {
        throw state;
      }
      throw new IllegalStateException("Corrupt " + this + " chunk", e);
    }
    if (produced != uncompressedSize) {
      throw new IllegalStateException("Corrupt " + this + " chunk: " + produced + " bytes, expected "
          + uncompressedSize);
    }
  }

  private static byte[] deflate(byte[] source, int offset, int length) {
    Deflater deflater = new Deflater(DEFLATE_LEVEL, true);
    try {
      deflater.setInput(source, offset, length);
      deflater.finish();
      byte[] out = new byte[length + length / 8 + 64];
      int size = 0;
      while (!deflater.finished()) {
        if (size == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        size += deflater.deflate(out, size, out.length - size);
      }
      return Arrays.copyOf(out, size);
    } finally {
      deflater.end();
    }
  }

  private static int inflate(byte[] source, int offset, int length, byte[] target, int size,
      @Nullable Inflater reused) {
    Inflater inflater = reused != null ? reused : new Inflater(true);
    try {
      inflater.reset();
      inflater.setInput(source, offset, length);
      int produced = 0;
      while (produced < size && !inflater.finished()) {
        int n = inflater.inflate(target, produced, size - produced);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        produced += n;
      }
      return produced;
    } catch (DataFormatException e) {
      throw new IllegalStateException("Corrupt GZIP chunk", e);
    } finally {
      if (reused == null) {
        inflater.end();
      }
    }
  }
}
