// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.preprocess.SegmentPreprocessor;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.spi.config.table.TableConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Star-trees added, changed and removed on reload (`enableDynamicStarTreeCreation`): the rebuilt tree is byte for
/// byte the tree a fresh build makes, the pushed CRC stays, and without the flag a segment keeps its trees.
class DynamicStarTreeReloadTest {
  private static final String DYNAMIC = "\"enableDynamicStarTreeCreation\": true, ";
  private static final String TREE = "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [\"country\", "
      + "\"device\"], \"functionColumnPairs\": [\"SUM__clicks\", \"MAX__revenue\"], \"maxLeafRecords\": 10}]";
  private static final String OTHER_TREE = "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [\"year\", "
      + "\"country\"], \"functionColumnPairs\": [\"SUM__clicks\"], \"maxLeafRecords\": 100}]";

  @TempDir
  Path dir;

  private final List<Map<String, Object>> rows = StarTreeTestSegments.rows(11, 3000, 17);

  @Test
  void addsTheTreeAFreshBuildWouldHaveAndKeepsTheCrc() throws IOException {
    Path plain = StarTreeTestSegments.build(dir.resolve("plain"), StarTreeTestSegments.table(""), rows);
    Path fresh = StarTreeTestSegments.build(dir.resolve("fresh"), StarTreeTestSegments.table(TREE), rows);
    byte[] creationMeta = Files.readAllBytes(files(plain).resolve(SegmentFormat.CREATION_META_FILE));

    SegmentPreprocessor.Result result = SegmentPreprocessor.preprocess(plain, table(DYNAMIC + TREE),
        StarTreeTestSegments.SCHEMA);

    assertThat(result.changed()).isTrue();
    assertThat(result.actions()).containsExactly("rebuild star-trees [[country, device]]");
    assertThat(Files.readAllBytes(files(plain).resolve(StarTreeFormat.INDEX_FILE)))
        .isEqualTo(Files.readAllBytes(files(fresh).resolve(StarTreeFormat.INDEX_FILE)));
    assertThat(Files.readAllBytes(files(plain).resolve(StarTreeFormat.INDEX_MAP_FILE)))
        .isEqualTo(Files.readAllBytes(files(fresh).resolve(StarTreeFormat.INDEX_MAP_FILE)));
    assertThat(Files.readAllBytes(files(plain).resolve(SegmentFormat.CREATION_META_FILE))).isEqualTo(creationMeta);
    assertThat(splitOrders(plain)).containsExactly(List.of("country", "device"));
    assertThat(SegmentPreprocessor.preprocess(plain, table(DYNAMIC + TREE), StarTreeTestSegments.SCHEMA).changed())
        .as("a second reload finds the trees current").isFalse();
  }

  @Test
  void changesAndRemovesTreesOnlyWithDynamicCreation() throws IOException {
    Path segment = StarTreeTestSegments.build(dir.resolve("s"), StarTreeTestSegments.table(TREE), rows);

    assertThat(SegmentPreprocessor.preprocess(segment, table(OTHER_TREE), StarTreeTestSegments.SCHEMA).changed())
        .as("without enableDynamicStarTreeCreation").isFalse();
    assertThat(splitOrders(segment)).containsExactly(List.of("country", "device"));

    assertThat(SegmentPreprocessor.preprocess(segment, table(DYNAMIC + OTHER_TREE), StarTreeTestSegments.SCHEMA)
        .actions()).containsExactly("rebuild star-trees [[year, country]]");
    assertThat(splitOrders(segment)).containsExactly(List.of("year", "country"));
    String metadata = Files.readString(files(segment).resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8);
    assertThat(metadata).contains("startree.v2.count = 1", "startree.v2.0.split.order = year,country")
        .doesNotContain("split.order = country");

    SegmentPreprocessor.Result removed = SegmentPreprocessor.preprocess(segment,
        table("\"enableDynamicStarTreeCreation\": true"), StarTreeTestSegments.SCHEMA);
    assertThat(removed.actions()).containsExactly("remove star-trees");
    assertThat(splitOrders(segment)).isEmpty();
    assertThat(files(segment).resolve(StarTreeFormat.INDEX_FILE)).doesNotExist();
    assertThat(Files.readString(files(segment).resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8))
        .doesNotContain("startree.");
  }

  private static TableConfig table(String indexJson) {
    return StarTreeTestSegments.table(indexJson);
  }

  private static Path files(Path segmentDir) {
    return segmentDir.resolve(SegmentFormat.V3_DIR);
  }

  private static List<List<String>> splitOrders(Path segmentDir) throws IOException {
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      return segment.starTrees().stream().map(StarTreeV2::metadata).map(m -> m.dimensionsSplitOrder()).toList();
    }
  }
}
