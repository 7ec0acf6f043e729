package dev.scholarsearch.search;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.WordCounts;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** RM3 pseudo-relevance feedback: the words of the best first-pass papers, weighted by P(t|D)·P(D|Q). */
public final class Feedback {
  private static final Set<String> RECORD_ONLY = Set.of(Fields.RECORD);

  private Feedback() {}

  /**
   * The expansion query, or null when the first pass finds nothing.
   *
   * @param firstPass the query whose top {@code docs} papers are taken as relevant
   * @param terms how many expansion terms to keep
   * @param mass the total boost the expansion terms share (relative to the original query's terms at 1 each)
   * @param titleBonus extra weight of an expansion term in titles (0 = none)
   */
  public static Query expansion(IndexSearcher searcher, Query firstPass, int docs, int terms, double mass, float titleBonus)
      throws IOException {
    TopDocs top = searcher.search(firstPass, docs);
    StoredFields stored = searcher.storedFields();
    List<Scored> first = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      // The words are counted from the record's text: the index keeps no term vectors (a sixth of
      // its bytes), and analysing a handful of abstracts again costs well under a millisecond.
      first.add(new Scored(sd.score, RecordJson.paper(stored.document(sd.doc, RECORD_ONLY).get(Fields.RECORD))));
    }
    return expansion(first, terms, mass, titleBonus);
  }

  /** A first-pass paper and its score. */
  public record Scored(float score, Paper paper) {}

  /**
   * The expansion query from the best first-pass papers, best first, wherever they were ranked (a
   * cluster ranks its own); null when there are none.
   */
  public static Query expansion(List<Scored> top, int terms, double mass, float titleBonus) {
    if (top.isEmpty() || terms <= 0 || mass <= 0) {
      return null;
    }
    double scoreSum = 0;
    for (Scored sd : top) {
      scoreSum += sd.score();
    }
    Map<String, Double> weights = new HashMap<>();
    for (Scored sd : top) {
      Map<String, Integer> tf = WordCounts.of(sd.paper());
      long length = tf.values().stream().mapToLong(Integer::longValue).sum();
      if (length == 0) {
        continue;
      }
      double docWeight = sd.score() / scoreSum;
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        if (useful(e.getKey())) {
          weights.merge(e.getKey(), docWeight * e.getValue() / length, Double::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> best = new ArrayList<>(weights.entrySet());
    best.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    best = best.subList(0, Math.min(terms, best.size()));
    double total = best.stream().mapToDouble(Map.Entry::getValue).sum();
    if (total == 0) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Double> e : best) {
      float w = (float) (e.getValue() / total * mass);
      b.add(new BoostQuery(new TermQuery(new Term(Fields.TEXT, e.getKey())), w), BooleanClause.Occur.SHOULD);
      if (titleBonus > 0) {
        b.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, e.getKey())), w * titleBonus), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static boolean useful(String term) {
    return term.length() > 1 && !term.chars().allMatch(Character::isDigit);
  }
}
