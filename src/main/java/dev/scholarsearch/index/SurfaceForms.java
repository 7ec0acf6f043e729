package dev.scholarsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Maps stemmed index terms back to a word a person would write ("reinforc" → "reinforcement"),
 * using the text the terms came from: the first word in it that stems to the term wins.
 */
public final class SurfaceForms {
  private static final Analyzer ENGLISH = Analyzers.english();
  private final Map<String, String> byStem = new HashMap<>();

  /** Learns the words of {@code text} as the English analyzer stems them. */
  public SurfaceForms learn(String text) {
    try (TokenStream ts = ENGLISH.tokenStream(Fields.ABSTRACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        byStem.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String never fails
    }
    return this;
  }

  /** The word for a stem, or the stem itself when no learned word stems to it. */
  public String word(String stem) {
    return byStem.getOrDefault(stem, stem);
  }
}
