// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.golden.GoldenSegmentTest;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.SegmentMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzUtilsTest {
  @TempDir
  Path dir;

  private SegmentCreationResult segment;

  @BeforeEach
  void build() throws IOException {
    segment = GoldenSegmentTest.build(dir.resolve("built"));
  }

  @Test
  void roundTripsWithEntriesUnderTheSegmentNameAndMetadataFirst() throws IOException {
    Path tarGz = TarGzUtils.tarGzPath(dir, segment.segmentName());
    TarGzUtils.createTarGz(segment.segmentDir(), tarGz);
    assertThat(tarGz.getFileName().toString()).isEqualTo(segment.segmentName() + ".tar.gz");
    List<String> names = entryNames(tarGz);
    String root = segment.segmentName() + "/";
    assertThat(names).allMatch(name -> name.startsWith(root));
    assertThat(names).containsExactly(root, root + "v3/", root + "v3/metadata.properties", root + "v3/creation.meta",
        root + "v3/columns.psf", root + "v3/index_map");

    Path extracted = TarGzUtils.untar(tarGz, dir.resolve("extracted"));
    assertThat(extracted).isEqualTo(dir.resolve("extracted").toRealPath().resolve(segment.segmentName()));
    for (String file : List.of("columns.psf", "index_map", "metadata.properties", "creation.meta")) {
      assertThat(extracted.resolve("v3").resolve(file)).hasSameBinaryContentAs(
          segment.segmentDir().resolve("v3").resolve(file));
    }
    try (ImmutableSegment loaded = SegmentLoader.load(extracted)) {
      GoldenSegmentTest.assertGoldenValues(loaded);
    }
  }

  @Test
  void readsMetadataWithoutExtracting() throws IOException {
    Path tarGz = dir.resolve("s.tar.gz");
    TarGzUtils.createTarGz(segment.segmentDir(), tarGz);
    SegmentMetadata fromTar = TarGzUtils.readMetadataFromTarGz(tarGz);
    assertThat(fromTar).isEqualTo(SegmentLoader.readMetadata(segment.segmentDir()));
    assertThat(fromTar.crc()).isNotZero();
  }

  @Test
  void rejectsEntriesEscapingTheDestination() throws IOException {
    Path evil = tarGz("evil.tar.gz", List.of("seg/", "seg/../../escaped.txt"), false);
    Path dest = dir.resolve("dest");
    assertThatThrownBy(() -> TarGzUtils.untar(evil, dest)).isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
    assertThat(dest.getParent().resolve("escaped.txt")).doesNotExist();
    Path link = tarGz("link.tar.gz", List.of("seg/"), true);
    assertThatThrownBy(() -> TarGzUtils.untar(link, dir.resolve("dest2"))).isInstanceOf(IOException.class)
        .hasMessageContaining("link");
  }

  @Test
  void reportsArchivesWithoutSegmentFiles() throws IOException {
    Path empty = tarGz("empty.tar.gz", List.of(), false);
    assertThatThrownBy(() -> TarGzUtils.untar(empty, dir.resolve("d"))).isInstanceOf(IOException.class)
        .hasMessageContaining("empty");
    Path noMetadata = tarGz("plain.tar.gz", List.of("seg/", "seg/data.txt"), false);
    assertThatThrownBy(() -> TarGzUtils.readMetadataFromTarGz(noMetadata)).isInstanceOf(IOException.class)
        .hasMessageContaining("metadata.properties");
    assertThat(TarGzUtils.untar(noMetadata, dir.resolve("p"))).isEqualTo(dir.resolve("p").toRealPath()
        .resolve("seg"));
  }

  private Path tarGz(String name, List<String> entries, boolean withSymlink) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (String entryName : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(entryName);
        byte[] content = entryName.endsWith("/") ? new byte[0] : "x".getBytes(StandardCharsets.UTF_8);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      if (withSymlink) {
        TarArchiveEntry link = new TarArchiveEntry("seg/link", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  private static List<String> entryNames(Path tarGz) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarGz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
