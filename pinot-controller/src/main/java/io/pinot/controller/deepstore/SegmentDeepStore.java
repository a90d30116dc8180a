// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.deepstore;

import io.pinot.spi.filesystem.PinotFS;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/// The controller's deep store: one segment tarball per segment at `<dataDir>/<rawTableName>/<segmentName>`
/// (the segment name URL-encoded), as Apache Pinot lays it out. Writes are atomic (see [PinotFS]).
public final class SegmentDeepStore {
  private final PinotFS fs;
  private final URI root;

  public SegmentDeepStore(PinotFS fs, Path dataDir) throws IOException {
    this.fs = fs;
    this.root = dataDir.toUri();
    fs.mkdir(root);
  }

  public URI segmentUri(String rawTableName, String segmentName) {
    return root.resolve(encode(rawTableName) + "/" + encode(segmentName));
  }

  public void store(String rawTableName, String segmentName, Path tarGz) throws IOException {
    fs.copyFromLocalFile(tarGz, segmentUri(rawTableName, segmentName));
  }

  public boolean exists(String rawTableName, String segmentName) throws IOException {
    return fs.exists(segmentUri(rawTableName, segmentName));
  }

  public long size(String rawTableName, String segmentName) throws IOException {
    return fs.length(segmentUri(rawTableName, segmentName));
  }

  public InputStream open(String rawTableName, String segmentName) throws IOException {
    return fs.open(segmentUri(rawTableName, segmentName));
  }

  public boolean delete(String rawTableName, String segmentName) throws IOException {
    return fs.delete(segmentUri(rawTableName, segmentName));
  }

  public void deleteTable(String rawTableName) throws IOException {
    fs.delete(root.resolve(encode(rawTableName) + "/"));
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
