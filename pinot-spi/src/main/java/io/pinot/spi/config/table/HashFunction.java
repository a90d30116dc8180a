// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

/// How an upsert or dedup table keys its primary-key map (`upsertConfig.hashFunction`, `dedupConfig.hashFunction`),
/// with Pinot's names: `NONE` keeps the key's values, the others keep a fixed-size digest of them to save memory.
public enum HashFunction {
  NONE, MD5, MURMUR3, UUID, XXHASH, XXH128
}
