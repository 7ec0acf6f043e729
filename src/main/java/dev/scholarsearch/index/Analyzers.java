package dev.scholarsearch.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
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

  /**
   * Per-field wrapper: English for the main text fields, names for people, exact for the rest. The
   * combined fields pad the title to {@link Fields#ABSTRACT_START}, so their abstract positions
   * are known ({@link TitleBlockFilter}).
   */
  public static Analyzer perField() {
    Analyzer english = english();
    Analyzer names = names();
    return new PerFieldAnalyzerWrapper(exact(), Map.of(
        Fields.TITLE, english,
        Fields.ABSTRACT, english,
        Fields.TEXT, titleBlocks(english),
        Fields.TEXT_EXACT, titleBlocks(exact()),
        Fields.AUTHOR_TEXT, names,
        Fields.NAME, names));
  }

  /**
   * The abstract alone, analysed as the combined field ({@link Fields#TEXT}, or {@link
   * Fields#TEXT_EXACT} when {@code exact}) indexes it: same terms, positions from {@link
   * Fields#ABSTRACT_START}. The highlighter re-analyses abstracts with it, so a query restricted to
   * abstract positions ({@code abstract:x}) matches the words it matched in the index.
   */
  public static Analyzer abstractAsIndexed(boolean exact) {
    return wrap(exact ? exact() : english(), s -> new StartAtFilter(s, Fields.ABSTRACT_START));
  }

  /** {@code base}, each value it analyses padded to {@link Fields#ABSTRACT_START} positions at its end. */
  static Analyzer titleBlocks(Analyzer base) {
    return wrap(base, s -> new TitleBlockFilter(s, Fields.ABSTRACT_START));
  }

  private static Analyzer wrap(Analyzer base, java.util.function.UnaryOperator<TokenStream> last) {
    return new AnalyzerWrapper(base.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return base;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), last.apply(components.getTokenStream()));
      }
    };
  }
}
