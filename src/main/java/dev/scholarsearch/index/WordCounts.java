package dev.scholarsearch.index;

import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** How often each index term (English-analyzed, as in the text fields) occurs in a text. */
public final class WordCounts {
  private static final Analyzer ENGLISH = Analyzers.english();

  private WordCounts() {}

  /**
   * A paper's title and abstract counted as the combined field indexes them: what term vectors
   * would give, for the few papers a query reads (the index keeps none).
   */
  public static Map<String, Integer> of(Paper p) {
    return of(p.title() + "\n" + p.abstractText());
  }

  /** Term → count, in order of first occurrence. */
  public static Map<String, Integer> of(String text) {
    Map<String, Integer> tf = new LinkedHashMap<>();
    try (TokenStream ts = ENGLISH.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String never fails
    }
    return tf;
  }
}
