// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.spi.config.table.TableConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Guards the star-tree files byte for byte: the star-tree of a tiny segment is checked in under
/// `src/test/resources/golden-startree/` (`star_tree_index`, `star_tree_index_map` and the `startree.v2.*` lines of
/// `metadata.properties`). The test rebuilds it and compares, and decodes the checked-in nodes. After an intentional
/// change of the star-tree format (or of the forward index buffers it embeds), regenerate it with
/// `./mvnw -pl pinot-segment test -Dtest=StarTreeGoldenTest -Dpinot.segment.updateGolden=true`.
class StarTreeGoldenTest {
  private static final String METADATA_LINES = "startree.properties";

  @TempDir
  Path dir;

  /// Eight rows: countries `de`, `fr`, `us` (ids 0, 1, 2), years 2023 and 2024 (ids 0, 1).
  static List<Map<String, Object>> rows() {
    Object[][] values = {
        {"us", 2024, "mobile", 5, 1.5}, {"de", 2023, "tv", 7, 2.0}, {"us", 2023, "mobile", 1, 0.25},
        {"fr", 2024, "desktop", 3, 9.0}, {"us", 2024, "tv", 2, 4.0}, {"de", 2023, "mobile", 8, 0.5},
        {"de", 2024, "desktop", 4, 3.0}, {"us", 2024, "desktop", 6, 6.5}};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] row : values) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("country", row[0]);
      map.put("year", row[1]);
      map.put("device", row[2]);
      map.put("browser", "b");
      map.put("tags", List.of("t"));
      map.put("clicks", row[3]);
      map.put("revenue", row[4]);
      map.put("big", 1L);
      rows.add(map);
    }
    return rows;
  }

  static TableConfig table() {
    return StarTreeTestSegments.starTree("\"country\", \"year\"", "\"COUNT__*\", \"SUM__clicks\", \"MAX__revenue\", "
        + "\"DISTINCTCOUNTBITMAP__device\"", 1, "");
  }

  @Test
  void rebuildingGivesTheCheckedInBytes() throws IOException, URISyntaxException {
    Path filesDir = StarTreeTestSegments.build(dir, table(), rows(), "golden_startree").resolve(SegmentFormat.V3_DIR);
    Map<String, byte[]> built = new LinkedHashMap<>();
    built.put(StarTreeFormat.INDEX_FILE, Files.readAllBytes(filesDir.resolve(StarTreeFormat.INDEX_FILE)));
    built.put(StarTreeFormat.INDEX_MAP_FILE, Files.readAllBytes(filesDir.resolve(StarTreeFormat.INDEX_MAP_FILE)));
    String metadata = Files.readString(filesDir.resolve(SegmentFormat.METADATA_FILE));
    built.put(METADATA_LINES, metadata.substring(metadata.indexOf(StarTreeFormat.COUNT_KEY))
        .getBytes(StandardCharsets.UTF_8));
    if (Boolean.getBoolean("pinot.segment.updateGolden")) {
      Path target = Path.of(System.getProperty("pinot.root"), "pinot-segment", "src", "test", "resources",
          "golden-startree");
      Files.createDirectories(target);
      for (Map.Entry<String, byte[]> file : built.entrySet()) {
        Files.write(target.resolve(file.getKey()), file.getValue());
      }
    }
    for (Map.Entry<String, byte[]> file : built.entrySet()) {
      assertThat(file.getValue()).as(file.getKey()).isEqualTo(Files.readAllBytes(goldenDir().resolve(file.getKey())));
    }
  }

  @Test
  void theCheckedInTreeDecodes() throws IOException, URISyntaxException {
    DataBuffer data = DataBuffer.wrap(Files.readAllBytes(goldenDir().resolve(StarTreeFormat.INDEX_FILE)));
    Map<String, DataBuffer> buffers = StarTreeLoader.readIndexMap(Files.readString(goldenDir().resolve(
        StarTreeFormat.INDEX_MAP_FILE)), data);
    assertThat(buffers).containsOnlyKeys("0.null.STAR_TREE", "0.country.FORWARD_INDEX", "0.year.FORWARD_INDEX",
        "0.count__*.FORWARD_INDEX", "0.sum__clicks.FORWARD_INDEX", "0.max__revenue.FORWARD_INDEX",
        "0.distinctCountBitmap__device.FORWARD_INDEX");
    StarTree tree = new MappedStarTree(buffers.get("0.null.STAR_TREE"));
    // Root; its children: star, de, fr, us (split on country); the root's aggregated document has every row.
    assertThat(tree.dimensionId(StarTree.ROOT)).isEqualTo(StarTree.ALL);
    assertThat(tree.firstChild(StarTree.ROOT)).isEqualTo(1);
    assertThat(tree.lastChild(StarTree.ROOT)).isEqualTo(4);
    assertThat(List.of(tree.dimensionValue(1), tree.dimensionValue(2), tree.dimensionValue(3),
        tree.dimensionValue(4))).containsExactly(StarTree.ALL, 0, 1, 2);
    // Five (country, year) combinations are the first documents: de/2023 holds two rows.
    assertThat(tree.startDocId(2)).isZero();
    assertThat(tree.endDocId(2)).isEqualTo(2);
    assertThat(tree.startDocId(4)).isEqualTo(3);
    assertThat(tree.endDocId(4)).isEqualTo(5);
    assertThat(tree.child(4, 1)).isNotEqualTo(StarTree.NO_CHILD);
    assertThat(tree.starChild(3)).isEqualTo(StarTree.NO_CHILD);
  }

  private static Path goldenDir() throws URISyntaxException {
    URL url = StarTreeGoldenTest.class.getResource("/golden-startree/" + StarTreeFormat.INDEX_FILE);
    if (url == null) {
      throw new AssertionError("Golden star-tree files are missing; regenerate them (see the class doc)");
    }
    return Path.of(url.toURI()).getParent();
  }
}
