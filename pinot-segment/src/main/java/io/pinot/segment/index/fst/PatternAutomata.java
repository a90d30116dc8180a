// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.util.automaton.Transition;
import org.apache.lucene.util.automaton.UTF32ToUTF8;
import org.jspecify.annotations.Nullable;

/// Compiles value patterns into deterministic automata over the UTF-8 bytes of values, the form an FST is walked
/// with: Java regular expressions with the `find()` semantics of `REGEXP_LIKE` (a match anywhere in the value unless
/// anchored by `^`/`$`, `$` also matching before a final line terminator as `java.util.regex` does), and SQL LIKE
/// patterns matched against the whole value. Stateless utilities.
public final class PatternAutomata {
  /// Bound on determinization work; patterns needing more fall back to testing values one by one.
  private static final int DETERMINIZE_WORK_LIMIT = Operations.DEFAULT_DETERMINIZE_WORK_LIMIT;

  private PatternAutomata() {
  }

  /// The byte automaton of a valid Java regular expression with `find()` semantics, or null when it uses
  /// constructs that are not translated (see [JavaRegexParser]) or its automaton is too large.
  public static @Nullable ByteRunAutomaton regexpLike(String regex) {
    JavaRegexParser.Parsed parsed;
    try {
      parsed = JavaRegexParser.parse(regex);
    } catch (JavaRegexParser.Unsupported e) {
      return null;
    }
    List<Automaton> parts = new ArrayList<>(3);
    if (!parsed.startAnchor()) {
      parts.add(Automata.makeAnyString());
    }
    try {
      if (parsed.endAnchor()) {
        parts.add(endAnchored(parsed.automaton()));
      } else {
        parts.add(parsed.automaton());
        parts.add(Automata.makeAnyString());
      }
    } catch (TooComplexToDeterminizeException e) {
      return null;
    }
    return compile(Operations.concatenate(parts));
  }

  /// The byte automaton of a SQL LIKE pattern matched against the whole value: `%` any sequence, `_` any one
  /// code point, `\` makes the next character literal (a trailing `\` is itself), everything else literal; or null
  /// when its automaton is too large.
  public static @Nullable ByteRunAutomaton like(String likePattern) {
    List<Automaton> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < likePattern.length()) {
      int c = likePattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\' && i < likePattern.length()) {
        int escaped = likePattern.codePointAt(i);
        i += Character.charCount(escaped);
        literal.appendCodePoint(escaped);
      } else if (c == '%' || c == '_') {
        flushLiteral(parts, literal);
        parts.add(c == '%' ? Automata.makeAnyString() : Automata.makeAnyChar());
      } else {
        literal.appendCodePoint(c);
      }
    }
    flushLiteral(parts, literal);
    return compile(parts.isEmpty() ? Automata.makeEmptyString() : Operations.concatenate(parts));
  }

  private static void flushLiteral(List<Automaton> parts, StringBuilder literal) {
    if (!literal.isEmpty()) {
      parts.add(Automata.makeString(literal.toString()));
      literal.setLength(0);
    }
  }

  /// `expression$`: the expression followed by the end of the value or by one final line terminator (`\r\n` as
  /// one), where a lone final `\n` does not count when the expression's match ends with `\r` (Java never splits
  /// `\r\n`).
  private static Automaton endAnchored(Automaton expression) {
    Automaton lineTerminator = Operations.union(List.of(Automata.makeString("\r\n"),
        CodePointSet.range('\r', '\r').add(0x85, 0x85).add(0x2028, 0x2029).toAutomaton()));
    Automaton anyEnd = Operations.concatenate(List.of(expression, Operations.optional(lineTerminator)));
    Automaton determinized = Operations.determinize(expression, DETERMINIZE_WORK_LIMIT);
    Automaton notEndingWithCr = Operations.intersection(determinized, notEndingWith('\r'));
    Automaton beforeNewline = Operations.concatenate(List.of(notEndingWithCr, Automata.makeChar('\n')));
    return Operations.union(List.of(anyEnd, beforeNewline));
  }

  /// A deterministic automaton of the strings that are empty or end with a code point other than `c`.
  private static Automaton notEndingWith(int c) {
    Automaton automaton = new Automaton();
    int other = automaton.createState();
    int afterC = automaton.createState();
    automaton.setAccept(other, true);
    CodePointSet rest = CodePointSet.of(c).complement();
    for (int state : new int[] {other, afterC}) {
      automaton.addTransition(state, afterC, c, c);
      addTransitions(automaton, state, other, rest);
    }
    automaton.finishState();
    return automaton;
  }

  private static void addTransitions(Automaton automaton, int from, int to, CodePointSet set) {
    Automaton single = set.toAutomaton();
    Transition transition = new Transition();
    int count = single.initTransition(0, transition);
    for (int i = 0; i < count; i++) {
      single.getNextTransition(transition);
      automaton.addTransition(from, to, transition.min, transition.max);
    }
  }

  /// UTF-8 conversion, determinization and dead-state removal; null when determinization needs too much work.
  private static @Nullable ByteRunAutomaton compile(Automaton codePoints) {
    try {
      Automaton utf8 = new UTF32ToUTF8().convert(codePoints);
      Automaton deterministic = Operations.removeDeadStates(Operations.determinize(utf8, DETERMINIZE_WORK_LIMIT));
      return new ByteRunAutomaton(deterministic, true);
    } catch (TooComplexToDeterminizeException e) {
      return null;
    }
  }
}
