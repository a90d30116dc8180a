// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.testing.IndexFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Round trips of the Lucene text index stored in a `text_index` buffer: Lucene doc ids are segment doc ids (also
/// across many flushed and merged Lucene segments), the classic query syntax (terms, phrases, boolean operators,
/// prefixes, wildcards, regular expressions) answers as Pinot's, and the analysis settings (case, stop words,
/// default operator) are stored with the index.
class TextIndexTest {
  private static final List<List<String>> DOCS = List.of(
      List.of("Apache Pinot is a realtime distributed OLAP datastore"),
      List.of("Lucene is a search library"),
      List.of("The pinot grape makes red wine"),
      List.of(""),
      List.of("Distributed systems: Kafka, Pinot and Lucene"),
      List.of("the and of"),
      List.of("PINOT-2024 release notes"));

  @TempDir
  Path dir;

  @Test
  void answersTheClassicQuerySyntax() throws IOException {
    LuceneTextIndexReader index = write(TextIndexConfig.defaults(), DOCS);
    assertThat(docs(index, "pinot")).containsExactly(0, 2, 4, 6);
    assertThat(docs(index, "PINOT")).containsExactly(0, 2, 4, 6);
    assertThat(docs(index, "\"apache pinot\"")).containsExactly(0);
    assertThat(docs(index, "\"pinot apache\"")).isEmpty();
    assertThat(docs(index, "pinot AND lucene")).containsExactly(4);
    assertThat(docs(index, "pinot lucene")).containsExactly(0, 1, 2, 4, 6);
    assertThat(docs(index, "pinot -grape")).containsExactly(0, 4, 6);
    assertThat(docs(index, "distrib*")).containsExactly(0, 4);
    assertThat(docs(index, "d?tastore")).containsExactly(0);
    assertThat(docs(index, "/l[a-z]+e/")).containsExactly(1, 4);
    assertThat(docs(index, "2024")).containsExactly(6);
    assertThat(docs(index, "lucen~1")).containsExactly(1, 4);
    assertThat(docs(index, "the")).as("stop word").isEmpty();
  }

  @Test
  void storesItsSettingsAndHonoursThem() throws IOException {
    TextIndexConfig config = new TextIndexConfig(true, List.of("pinot"), List.of("the"), false, 16, null,
        TextIndexConfig.CLASSIC_QUERY_PARSER, true, true);
    LuceneTextIndexReader index = write(config, DOCS);
    assertThat(index.settings()).isEqualTo(config.settings("text"));
    assertThat(index.settings().stopWords()).contains("pinot").doesNotContain("the");
    assertThat(docs(index, "the")).containsExactly(5);
    assertThat(docs(index, "The")).containsExactly(2);
    assertThat(docs(index, "pinot")).as("added stop word").isEmpty();
    assertThat(docs(index, "PINOT")).as("case-sensitive").containsExactly(6);
    assertThat(docs(index, "Lucene search")).as("AND by default").containsExactly(1);
    assertThat(docs(index, "*istributed")).as("leading wildcard").containsExactly(0, 4);
  }

  @Test
  void perQueryOptions() throws IOException {
    LuceneTextIndexReader index = write(TextIndexConfig.defaults(), DOCS);
    assertThat(index.docIds("lucene search", "defaultOperator=AND").toArray()).containsExactly(1);
    assertThat(index.docIds("*istributed", "parser=CLASSIC, allowLeadingWildcard=true").toArray())
        .containsExactly(0, 4);
    assertThat(index.docIds("lucene search", "parser=STANDARD,defaultOperator=AND").toArray()).containsExactly(1);
    assertThat(index.docIds("\"apach* pino*\"", "parser=COMPLEX").toArray()).containsExactly(0);
    assertThatThrownBy(() -> index.docIds("pinot", "parser=NOPE")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.docIds("pinot", "unknownOption=1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidQueriesAreIllegalArguments() throws IOException {
    LuceneTextIndexReader index = write(TextIndexConfig.defaults(), DOCS);
    assertThatThrownBy(() -> index.docIds("\"unclosed", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid TEXT_MATCH query");
    assertThatThrownBy(() -> index.docIds("*leading", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multiValueDocumentsMatchOnAnyValue() throws IOException {
    List<List<String>> docs = List.of(List.of("red apple", "green pear"), List.of("null"), List.of("pear"),
        List.of("apple pie", "apple tart", "cherry"));
    LuceneTextIndexReader index = write(TextIndexConfig.defaults(), docs);
    assertThat(docs(index, "pear")).containsExactly(0, 2);
    assertThat(docs(index, "apple")).containsExactly(0, 3);
    assertThat(docs(index, "\"green pear\"")).containsExactly(0);
    assertThat(docs(index, "null")).containsExactly(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void tinyIndexes(int numDocs) throws IOException {
    List<List<String>> docs = numDocs == 0 ? List.of() : List.of(List.of("only document"));
    LuceneTextIndexReader index = write(TextIndexConfig.defaults(), docs);
    assertThat(index.numDocs()).isEqualTo(numDocs);
    assertThat(docs(index, "only")).hasSize(numDocs);
    assertThat(docs(index, "missing")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void luceneDocIdsAreSegmentDocIdsAcrossManyFlushes(boolean compoundFile) throws IOException {
    int numDocs = 60_000;
    List<List<String>> docs = new ArrayList<>(numDocs);
    for (int doc = 0; doc < numDocs; doc++) {
      docs.add(List.of("token" + doc + " group" + doc % 7 + " filler words to fill the RAM buffer quickly " + doc));
    }
    TextIndexConfig config = new TextIndexConfig(false, List.of(), List.of(), compoundFile, 1, null,
        TextIndexConfig.CLASSIC_QUERY_PARSER, false, false);
    LuceneTextIndexReader index = write(config, docs);
    for (int doc = 0; doc < numDocs; doc += 997) {
      assertThat(docs(index, "token" + doc)).containsExactly(doc);
    }
    int[] group3 = docs(index, "group3");
    assertThat(group3).hasSize((numDocs - 3 + 6) / 7);
    for (int doc : group3) {
      assertThat(doc % 7).isEqualTo(3);
    }
  }

  @Test
  void rejectsBuffersOfAnotherKind() {
    assertThatThrownBy(() -> new LuceneTextIndexReader(DataBuffer.wrap(new byte[64]), "c"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TXLU");
  }

  @Test
  void settingsRoundTrip() {
    TextIndexSettings settings = new TextIndexSettings("col=1", "", true, List.of("a,b", "é", ""),
        TextIndexConfig.STANDARD_QUERY_PARSER, true, false);
    assertThat(TextIndexSettings.parse(settings.toText())).isEqualTo(settings);
  }

  private LuceneTextIndexReader write(TextIndexConfig config, List<List<String>> docs) throws IOException {
    TextDocuments documents = new TextDocuments() {
      @Override
      public int numDocs() {
        return docs.size();
      }

      @Override
      public void read(int doc, List<String> out) {
        out.clear();
        out.addAll(docs.get(doc));
      }
    };
    IndexFiles.Written written = IndexFiles.write(dir, out -> TextIndexWriter.write(out, "text", config, documents));
    return new LuceneTextIndexReader(written.view("text", IndexType.TEXT_INDEX), "text");
  }

  private static int[] docs(LuceneTextIndexReader index, String query) {
    return index.docIds(query, null).toArray();
  }
}
