package dev.scholarsearch.search;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Improves a parsed relevance query without changing which papers match it: a proximity boost for
 * query words that occur near each other, and RM3 pseudo-relevance feedback, whose expansion terms
 * re-rank the matches (they are optional clauses next to the required original query).
 */
final class QueryRefiner {
  private static final Analyzer ENGLISH = Analyzers.english();
  private final SearchTuning tuning;

  QueryRefiner(SearchTuning tuning) {
    this.tuning = tuning;
  }

  /**
   * The refined form of {@code original} (the parsed text query, without filters); {@code firstPass}
   * is the same query with the filters, whose top papers feed RM3.
   */
  Query refine(IndexSearcher searcher, String text, Query original, Query firstPass) throws IOException {
    List<String> words = analyze(text);
    // Quoted phrases already demand adjacency; pairing their words again would only repeat the costly position checks.
    List<String> loose = analyze(text.replaceAll("\"[^\"]*\"(~\\d+)?", " "));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(original, BooleanClause.Occur.MUST);
    boolean changed = false;
    if (tuning.proximityWeight() > 0 && loose.size() > 1) {
      // Pairs beyond the first few add cost, not precision: a long pasted query keeps the first 16.
      for (int i = 0; i + 1 < Math.min(loose.size(), 17); i++) {
        for (String field : new String[] {Fields.TITLE, Fields.ABSTRACT}) {
          PhraseQuery pair = new PhraseQuery(tuning.proximitySlop(), field, loose.get(i), loose.get(i + 1));
          b.add(new BoostQuery(pair, tuning.proximityWeight()), BooleanClause.Occur.SHOULD);
        }
      }
      changed = true;
    }
    if (tuning.feedbackDocs() > 0 && !words.isEmpty()) {
      Query expansion = Feedback.expansion(searcher, firstPass, tuning.feedbackDocs(), tuning.feedbackTerms(),
          new HashSet<>(words).size() * (1 - tuning.originalWeight()) / tuning.originalWeight(), tuning.titleWeight());
      if (expansion != null) {
        b.add(expansion, BooleanClause.Occur.SHOULD);
        changed = true;
      }
    }
    if (!changed) {
      return original;
    }
    return b.build();
  }

  /** The query's words as the English analyzer indexes them, operators and field prefixes stripped. */
  static List<String> analyze(String text) {
    String plain = text.replaceAll("(?i)\\b(title|abstract|author):", " ").replaceAll("[\"+|()*~\\-]", " ");
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream(Fields.ABSTRACT, plain)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
