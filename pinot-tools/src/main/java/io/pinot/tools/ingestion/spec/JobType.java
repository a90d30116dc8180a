// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

/// Apache Pinot's ingestion job types (`jobType` in the job spec): whether segments are created, and how
/// they are pushed afterwards. Metadata push is run as a tar push (logged) until the controller supports it.
public enum JobType {
  SEGMENT_CREATION("SegmentCreation", true, PushMode.NONE),
  SEGMENT_TAR_PUSH("SegmentTarPush", false, PushMode.TAR),
  SEGMENT_URI_PUSH("SegmentUriPush", false, PushMode.URI),
  SEGMENT_METADATA_PUSH("SegmentMetadataPush", false, PushMode.METADATA),
  SEGMENT_CREATION_AND_TAR_PUSH("SegmentCreationAndTarPush", true, PushMode.TAR),
  SEGMENT_CREATION_AND_URI_PUSH("SegmentCreationAndUriPush", true, PushMode.URI),
  SEGMENT_CREATION_AND_METADATA_PUSH("SegmentCreationAndMetadataPush", true, PushMode.METADATA);

  /// How a job pushes its segments.
  public enum PushMode { NONE, TAR, URI, METADATA }

  private final String pinotName;
  private final boolean createsSegments;
  private final PushMode pushMode;

  JobType(String pinotName, boolean createsSegments, PushMode pushMode) {
    this.pinotName = pinotName;
    this.createsSegments = createsSegments;
    this.pushMode = pushMode;
  }

  /// Parses Pinot's name, case-insensitively.
  ///
  /// @throws IllegalArgumentException naming the accepted values
  public static JobType fromName(String name) {
    for (JobType type : values()) {
      if (type.pinotName.equalsIgnoreCase(name.trim())) {
        return type;
      }
    }
    StringBuilder names = new StringBuilder();
    for (JobType type : values()) {
      names.append(names.isEmpty() ? "" : ", ").append(type.pinotName);
    }
    throw new IllegalArgumentException("Unknown jobType '" + name + "': use one of " + names);
  }

  public String pinotName() {
    return pinotName;
  }

  public boolean createsSegments() {
    return createsSegments;
  }

  public PushMode pushMode() {
    return pushMode;
  }

  @Override
  public String toString() {
    return pinotName;
  }
}
