// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.CreationMeta;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.spi.config.table.TableConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Builds segments with star-trees through the segment creator, loads them and checks every tree against the rows
/// by brute force ([StarTreeInvariants]), at boundary sizes and configurations.
class StarTreeIndexTest {
  private static final String ALL_PAIRS = "\"COUNT__*\", \"SUM__clicks\", \"MIN__clicks\", \"MAX__revenue\", "
      + "\"AVG__revenue\", \"SUM__big\", \"DISTINCTCOUNTBITMAP__browser\"";

  @TempDir
  Path dir;

  private StarTreeV2 onlyTree(ImmutableSegment segment) {
    assertThat(segment.starTrees()).hasSize(1);
    return segment.starTrees().get(0);
  }

  @Test
  void treeDocumentsAggregateTheirRows() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"country\", \"device\", \"year\"", ALL_PAIRS, 10, "");
    Path segmentDir = StarTreeTestSegments.build(dir, table, StarTreeTestSegments.rows(1, 3000, 8));
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      StarTreeV2 tree = onlyTree(segment);
      assertThat(tree.metadata().dimensionsSplitOrder()).containsExactly("country", "device", "year");
      assertThat(tree.metadata().functionColumnPairs()).extracting(AggregationFunctionColumnPair::toColumnName)
          .containsExactly("count__*", "sum__clicks", "min__clicks", "max__revenue", "avg__revenue", "sum__big",
              "distinctCountBitmap__browser");
      assertThat(tree.metadata().maxLeafRecords()).isEqualTo(10);
      // 8 x 3 x 5 combinations at most, plus star and aggregated documents: far fewer than the rows.
      assertThat(tree.metadata().numDocs()).isBetween(121, 1500);
      StarTreeInvariants.check(segment, tree);
      long[] total = new long[1];
      tree.forwardIndex("count__*").readLongValues(new int[] {tree.tree().aggregatedDocId(StarTree.ROOT)}, 1, total);
      assertThat(total[0]).isEqualTo(3000);
    }
  }

  @Test
  void maxLeafRecordsOneSplitsDownToSingleDocuments() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"device\", \"year\", \"country\"", ALL_PAIRS, 1, "");
    try (ImmutableSegment segment = SegmentLoader.load(StarTreeTestSegments.build(dir, table,
        StarTreeTestSegments.rows(2, 500, 4)))) {
      StarTree tree = onlyTree(segment).tree();
      for (int node = 0; node < tree.numNodes(); node++) {
        if (tree.isLeaf(node)) {
          assertThat(tree.endDocId(node) - tree.startDocId(node)).isEqualTo(1);
        }
      }
      StarTreeInvariants.check(segment, onlyTree(segment));
    }
  }

  @Test
  void skippedDimensionsHaveNoStarNodes() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"country\", \"device\", \"year\"", "\"COUNT__*\"", 5,
        "\"device\"");
    try (ImmutableSegment segment = SegmentLoader.load(StarTreeTestSegments.build(dir, table,
        StarTreeTestSegments.rows(3, 2000, 6)))) {
      StarTree tree = onlyTree(segment).tree();
      int starNodes = 0;
      for (int node = 1; node < tree.numNodes(); node++) {
        if (tree.dimensionValue(node) == StarTree.ALL) {
          assertThat(tree.dimensionId(node)).isNotEqualTo(1);
          starNodes++;
        }
      }
      assertThat(starNodes).isPositive();
      assertThat(onlyTree(segment).metadata().skipStarNodeCreationForDimensions()).containsExactly("device");
      StarTreeInvariants.check(segment, onlyTree(segment));
    }
  }

  @Test
  void oneRowGivesOneLeaf() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"country\", \"device\"", ALL_PAIRS, 10, "");
    try (ImmutableSegment segment = SegmentLoader.load(StarTreeTestSegments.build(dir, table,
        StarTreeTestSegments.rows(4, 1, 3)))) {
      StarTree tree = onlyTree(segment).tree();
      // The root splits into one country (no star node for a single value), a leaf of one document; the root's
      // aggregated document is a second one with stars.
      assertThat(tree.numNodes()).isEqualTo(2);
      assertThat(tree.isLeaf(1)).isTrue();
      assertThat(tree.aggregatedDocId(1)).isZero();
      assertThat(tree.aggregatedDocId(StarTree.ROOT)).isEqualTo(1);
      assertThat(onlyTree(segment).metadata().numDocs()).isEqualTo(2);
      StarTreeInvariants.check(segment, onlyTree(segment));
    }
  }

  @Test
  void allDistinctAndSingleValueDimensions() throws IOException {
    List<Map<String, Object>> rows = StarTreeTestSegments.rows(5, 700, 1);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("browser", String.format("b%05d", i));
    }
    TableConfig table = StarTreeTestSegments.starTree("\"country\", \"browser\", \"device\"", ALL_PAIRS, 3, "");
    try (ImmutableSegment segment = SegmentLoader.load(StarTreeTestSegments.build(dir, table, rows))) {
      StarTree tree = onlyTree(segment).tree();
      // One country: the root has a single child and no star node; that child splits on 700 browsers.
      assertThat(tree.lastChild(StarTree.ROOT) - tree.firstChild(StarTree.ROOT)).isZero();
      int country = tree.firstChild(StarTree.ROOT);
      assertThat(tree.lastChild(country) - tree.firstChild(country) + 1).isEqualTo(701);
      StarTreeInvariants.check(segment, onlyTree(segment));
    }
  }

  @Test
  void dimensionCardinalitiesAroundPowersOfTwo() throws IOException {
    for (int countries : new int[] {2, 7, 8, 9}) {
      TableConfig table = StarTreeTestSegments.starTree("\"year\", \"country\"", "\"SUM__clicks\"", 4, "");
      Path segmentDir = StarTreeTestSegments.build(dir.resolve("c" + countries), table,
          StarTreeTestSegments.rows(countries, 400, countries));
      try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
        assertThat(segment.dataSource("country").dictionary().length()).isEqualTo(countries);
        StarTreeInvariants.check(segment, onlyTree(segment));
      }
    }
  }

  @Test
  void emptySegmentHasNoStarTree() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"country\"", "\"COUNT__*\"", 10, "");
    Path segmentDir = StarTreeTestSegments.build(dir, table, List.of());
    assertThat(segmentDir.resolve(SegmentFormat.V3_DIR).resolve(StarTreeFormat.INDEX_FILE)).doesNotExist();
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertThat(segment.numDocs()).isZero();
      assertThat(segment.starTrees()).isEmpty();
    }
  }

  @Test
  void metadataAndChainedCrcAreDeterministic() throws IOException {
    List<Map<String, Object>> rows = StarTreeTestSegments.rows(6, 1000, 5);
    TableConfig table = StarTreeTestSegments.starTree("\"country\", \"year\"", "\"SUM__clicks\"", 50, "\"year\"");
    Path first = StarTreeTestSegments.build(dir.resolve("a"), table, rows);
    Path second = StarTreeTestSegments.build(dir.resolve("b"), table, rows);
    Path plain = StarTreeTestSegments.build(dir.resolve("c"), StarTreeTestSegments.table(""), rows);
    long crc = crc(first);
    assertThat(crc(second)).isEqualTo(crc);
    assertThat(crc(plain)).isNotEqualTo(crc);
    assertThat(StarTreeBuilder.chainCrc(crc(plain), 42)).isNotEqualTo(StarTreeBuilder.chainCrc(crc(plain), 43));
    String properties = Files.readString(first.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.METADATA_FILE));
    assertThat(properties).contains("startree.v2.count = 1\n", "startree.v2.0.split.order = country,year\n",
        "startree.v2.0.function.column.pairs = count__*,sum__clicks\n", "startree.v2.0.max.leaf.records = 50\n",
        "startree.v2.0.skip.star.node.creation = year\n");
    try (ImmutableSegment segment = SegmentLoader.load(first)) {
      assertThat(segment.metadata().crc()).isEqualTo(crc);
      assertThat(properties).contains("startree.v2.0.total.docs = " + onlyTree(segment).metadata().numDocs());
    }
  }

  private static long crc(Path segmentDir) throws IOException {
    return CreationMeta.fromBytes(Files.readAllBytes(segmentDir.resolve(SegmentFormat.V3_DIR)
        .resolve(SegmentFormat.CREATION_META_FILE))).crc();
  }

  @Test
  void defaultAndExplicitTreesAreBuiltInOrder() throws IOException {
    TableConfig table = StarTreeTestSegments.table("\"enableDefaultStarTree\": true, \"starTreeIndexConfigs\": ["
        + "{\"dimensionsSplitOrder\": [\"device\"], \"aggregationConfigs\": [{\"columnName\": \"clicks\", "
        + "\"aggregationFunction\": \"max\"}]}], \"noDictionaryColumns\": [\"browser\"]");
    try (ImmutableSegment segment = SegmentLoader.load(StarTreeTestSegments.build(dir, table,
        StarTreeTestSegments.rows(7, 800, 6)))) {
      assertThat(segment.starTrees()).hasSize(2);
      StarTreeV2 explicit = segment.starTrees().get(0);
      assertThat(explicit.metadata().functionColumnPairs()).extracting(AggregationFunctionColumnPair::toColumnName)
          .containsExactly("count__*", "max__clicks");
      assertThat(explicit.metadata().maxLeafRecords()).isEqualTo(StarTreeBuilderConfig.DEFAULT_MAX_LEAF_RECORDS);
      StarTreeV2 defaults = segment.starTrees().get(1);
      // Single-value dictionary dimensions by decreasing cardinality (browser is raw, tags multi-value).
      assertThat(defaults.metadata().dimensionsSplitOrder()).containsExactly("country", "year", "device");
      assertThat(defaults.metadata().functionColumnPairs()).extracting(AggregationFunctionColumnPair::toColumnName)
          .containsExactly("count__*", "sum__clicks", "sum__revenue", "sum__big");
      StarTreeInvariants.check(segment, explicit);
      StarTreeInvariants.check(segment, defaults);
    }
  }

  @Test
  void invalidTreesFailTheBuild() {
    List<Map<String, Object>> rows = StarTreeTestSegments.rows(8, 10, 2);
    TableConfig rawDimension = StarTreeTestSegments.table("\"noDictionaryColumns\": [\"browser\"], "
        + "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [\"browser\"], \"functionColumnPairs\": "
        + "[\"COUNT__*\"]}]");
    assertThatThrownBy(() -> StarTreeTestSegments.build(dir, rawDimension, rows))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("browser")
        .hasMessageContaining("dictionary");
    assertThatThrownBy(() -> StarTreeTestSegments.build(dir, StarTreeTestSegments.starTree("\"nope\"",
        "\"COUNT__*\"", 10, ""), rows)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> StarTreeTestSegments.build(dir, StarTreeTestSegments.starTree("\"country\"",
        "\"SUM__country\"", 10, ""), rows)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STRING");
    try (var files = Files.list(dir)) {
      List<Path> left = new ArrayList<>(files.toList());
      assertThat(left).as("failed builds leave nothing behind").isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsEveryMapEntry() throws IOException {
    TableConfig table = StarTreeTestSegments.starTree("\"country\"", "\"MIN__big\"", 10, "");
    Path segmentDir = StarTreeTestSegments.build(dir, table, StarTreeTestSegments.rows(9, 50, 3));
    String map = Files.readString(segmentDir.resolve(SegmentFormat.V3_DIR).resolve(StarTreeFormat.INDEX_MAP_FILE));
    Map<String, String> expectedKeys = new LinkedHashMap<>();
    for (String key : List.of("0.null.STAR_TREE", "0.country.FORWARD_INDEX", "0.count__*.FORWARD_INDEX",
        "0.min__big.FORWARD_INDEX")) {
      expectedKeys.put(key + ".OFFSET", key + ".SIZE");
    }
    expectedKeys.forEach((offset, size) -> assertThat(map).contains(offset + " = ", size + " = "));
  }
}
