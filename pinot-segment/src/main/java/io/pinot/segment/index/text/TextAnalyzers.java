// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/// The Lucene analyzers of text indexes: by default Lucene's standard tokenizer, lower-casing unless the index is
/// case-sensitive, and Pinot's English stop words adjusted by `stopWordsInclude`/`stopWordsExclude`; or a custom
/// analyzer class with a public no-argument constructor. Stateless utilities.
public final class TextAnalyzers {
  /// Pinot's default English stop words (Lucene's classic English list plus "than" and "those").
  public static final List<String> DEFAULT_STOP_WORDS = List.of("a", "an", "and", "are", "as", "at", "be", "but",
      "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
      "then", "than", "there", "these", "they", "this", "to", "was", "will", "with", "those");
  /// Longest token the standard tokenizer emits (longer ones are split).
  private static final int MAX_TOKEN_LENGTH = 255;

  private TextAnalyzers() {
  }

  /// The default stop words with `include` added and `exclude` removed, sorted.
  public static List<String> stopWords(Collection<String> include, Collection<String> exclude) {
    TreeSet<String> words = new TreeSet<>(DEFAULT_STOP_WORDS);
    words.addAll(include);
    words.removeAll(exclude);
    return new ArrayList<>(words);
  }

  /// The analyzer of an index with these settings.
  ///
  /// @throws IllegalStateException when a custom analyzer class cannot be instantiated
  public static Analyzer analyzer(TextIndexSettings settings) {
    if (settings.analyzerClass().isEmpty()) {
      return new StandardTextAnalyzer(new CharArraySet(settings.stopWords(), !settings.caseSensitive()),
          settings.caseSensitive());
    }
    try {
      return (Analyzer) analyzerConstructor(settings.analyzerClass()).newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot instantiate Lucene analyzer " + settings.analyzerClass(), e);
    }
  }

  /// Whether `className` names a loadable, concrete [Analyzer] with a public no-argument constructor.
  static boolean isUsableAnalyzerClass(String className) {
    try {
      analyzerConstructor(className);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Constructor<?> analyzerConstructor(String className) throws ReflectiveOperationException {
    Class<?> type = Class.forName(className);
    if (!Analyzer.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
      throw new ClassCastException(className + " is not a concrete Lucene analyzer");
    }
    return type.getConstructor();
  }

  /// Lucene's standard tokenizer, then lower-casing unless case-sensitive, then stop words.
  private static final class StandardTextAnalyzer extends StopwordAnalyzerBase {
    private final boolean caseSensitive;

    StandardTextAnalyzer(CharArraySet stopWords, boolean caseSensitive) {
      super(stopWords);
      this.caseSensitive = caseSensitive;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
      TokenStream stream = caseSensitive ? tokenizer : new LowerCaseFilter(tokenizer);
      return new TokenStreamComponents(tokenizer, new StopFilter(stream, stopwords));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return caseSensitive ? in : new LowerCaseFilter(in);
    }
  }
}
