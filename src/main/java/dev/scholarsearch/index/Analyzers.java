package dev.scholarsearch.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The analyzers, one per field family, used alike at index and query time. */
public final class Analyzers {
  private Analyzers() {}

  /** English: standard tokens, possessives dropped, lower case, English stop words, Porter stemming. */
  public static Analyzer english() {
    return new EnglishAnalyzer();
  }

  /** Exact: standard tokens, lower case, nothing removed or stemmed (StandardAnalyzer's stop set is empty). */
  public static Analyzer exact() {
    return new StandardAnalyzer();
  }

  /** Per-field wrapper: English for the main text fields, exact for the rest. */
  public static Analyzer perField() {
    Analyzer english = english();
    Analyzer exact = exact();
    return new PerFieldAnalyzerWrapper(exact, Map.of(
        Fields.TITLE, english,
        Fields.ABSTRACT, english,
        Fields.TEXT, english,
        Fields.WORKS, english));
  }
}
