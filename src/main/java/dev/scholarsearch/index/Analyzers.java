package dev.scholarsearch.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzers, one per field family, used alike at index and query time. */
public final class Analyzers {
  private Analyzers() {}

  /**
   * English: Lucene's EnglishAnalyzer chain (standard tokens, possessives dropped, lower case,
   * English stop words, Porter stemming) with accents folded, so "naive" finds "naïve".
   */
  public static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LowerCaseFilter(s);
        s = new ASCIIFoldingFilter(s);
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Names: standard tokens, lower case, accents folded, so "nunez" finds "Núñez". */
  public static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Exact: standard tokens and lower case; nothing removed, stemmed or folded (StandardAnalyzer's stop set is empty). */
  public static Analyzer exact() {
    return new StandardAnalyzer();
  }

  /** Per-field wrapper: English for the main text fields, names for people, exact for the rest. */
  public static Analyzer perField() {
    Analyzer english = english();
    Analyzer names = names();
    return new PerFieldAnalyzerWrapper(exact(), Map.of(
        Fields.TITLE, english,
        Fields.ABSTRACT, english,
        Fields.TEXT, english,
        Fields.WORKS, english,
        Fields.AUTHOR_TEXT, names,
        Fields.NAME, names));
  }
}
