// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.segment.spi.IndexSegment;

/// The primary-key metadata of one stream partition of an upsert or dedup table, as the server keeps it in step with
/// the segments it serves. Implementations are thread-safe.
public sealed interface PartitionKeyMetadata permits PartitionUpsertMetadataManager, PartitionDedupMetadataManager {
  /// A segment starts being served (before queries can see it).
  void addSegment(IndexSegment segment);

  /// `newSegment` replaces `oldSegment` of the same name (before queries move to it; `oldSegment` is still open).
  void replaceSegment(IndexSegment newSegment, IndexSegment oldSegment);

  /// A segment stops being served (before it is closed).
  void removeSegment(IndexSegment segment);

  /// With `metadataTTL`: forgets keys older than the largest value seen minus the TTL.
  void removeExpiredPrimaryKeys();
}
