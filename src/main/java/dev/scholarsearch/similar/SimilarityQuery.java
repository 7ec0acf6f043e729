package dev.scholarsearch.similar;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.WordCounts;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.search.Feedback;
import dev.scholarsearch.search.PaperFilters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermQuery;

/**
 * The keyword side of a similar-paper search: MoreLikeThis picks the query paper's most telling
 * terms, and they become a BM25 query over title and abstract with the model's bonuses.
 */
public final class SimilarityQuery {
  private final SimilarityModel model;

  /** The best {@code n} papers for a first-pass query, best first: what RM3 feedback learns from. */
  public interface FirstPass {
    List<Feedback.Scored> top(Query q, int n) throws IOException;
  }

  public SimilarityQuery(SimilarityModel model) {
    this.model = model;
  }

  /**
   * MoreLikeThis over the combined field (given the text: the index keeps no term vectors), with the
   * model's limits on which terms it picks.
   */
  MoreLikeThis mlt(IndexReader reader) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(Analyzers.perField());
    mlt.setFieldNames(new String[] {Fields.TEXT});
    mlt.setMinTermFreq(model.minTermFreq());
    mlt.setMinDocFreq(model.minDocFreq());
    mlt.setMaxDocFreqPct(model.maxDocFreqPercent());
    mlt.setMaxQueryTerms(model.maxQueryTerms());
    mlt.setBoost(true);
    return mlt;
  }

  /** The MoreLikeThis terms as a BM25 query over title and abstract, filtered, with the model's bonuses. */
  Query lexical(IndexSearcher searcher, Map<String, Float> queryTerms, String queryText, Paper query,
      Query filter, List<Query> exclude) throws IOException {
    return lexical((q, n) -> {
      TopDocs top = searcher.search(restrict(q, filter), n);
      List<Feedback.Scored> out = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(new Feedback.Scored(sd.score, RecordJson.paper(searcher.storedFields().document(sd.doc,
            java.util.Set.of(Fields.RECORD)).get(Fields.RECORD))));
      }
      return out;
    }, queryTerms, queryText, query, exclude);
  }

  /**
   * The same for any engine: {@code firstPass} ranks the query's first pass, filtered as the
   * search will be, for RM3 feedback. {@code queryTerms} is MoreLikeThis's choice, strongest first.
   */
  public Query lexical(FirstPass firstPass, Map<String, Float> queryTerms, String queryText, Paper query,
      List<Query> exclude) throws IOException {
    queryTerms = new LinkedHashMap<>(queryTerms);
    if (model.weighByQueryCount()) {
      // BM25 already weighs rarity; MoreLikeThis's tf-idf boost would count it twice. Weigh by how often
      // the query uses the word instead, as if the words were typed that often.
      Map<String, Integer> qtf = WordCounts.of(queryText);
      queryTerms.replaceAll((t, boost) -> (float) qtf.getOrDefault(t, 1));
    }
    BooleanQuery.Builder terms = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> t : queryTerms.entrySet()) {
      terms.add(new BoostQuery(new TermQuery(new Term(Fields.TEXT, t.getKey())), t.getValue()), BooleanClause.Occur.SHOULD);
      if (model.titleBoost() > 0) {
        terms.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, t.getKey())), t.getValue() * model.titleBoost()),
            BooleanClause.Occur.SHOULD);
      }
    }
    if (model.feedbackDocs() > 0) {
      double mass = queryTerms.values().stream().mapToDouble(Float::doubleValue).sum()
          * (1 - model.originalWeight()) / model.originalWeight();
      BooleanQuery.Builder first = new BooleanQuery.Builder().add(terms.build(), BooleanClause.Occur.MUST);
      exclude.forEach(x -> first.add(x, BooleanClause.Occur.MUST_NOT));
      Query expansion = Feedback.expansion(firstPass.top(first.build(), model.feedbackDocs()), model.feedbackTerms(),
          mass, model.titleBoost());
      if (expansion != null) {
        terms.add(expansion, BooleanClause.Occur.SHOULD);
      }
    }
    // The filters are the retriever's to apply, once; only the query paper itself is excluded here.
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(terms.build(), BooleanClause.Occur.MUST);
    exclude.forEach(x -> b.add(x, BooleanClause.Occur.MUST_NOT));
    if (query != null) {
      if (model.categoryBoost() > 0) {
        query.categories().forEach(c -> b.add(new BoostQuery(new ConstantScoreQuery(
            new TermQuery(new Term(Fields.CATEGORY, c))), model.categoryBoost()), BooleanClause.Occur.SHOULD));
      }
      if (model.coauthorBoost() > 0) {
        query.authors().forEach(a -> b.add(new BoostQuery(new ConstantScoreQuery(
            new TermQuery(new Term(Fields.AUTHOR_ID, a.researcherId()))), model.coauthorBoost()), BooleanClause.Occur.SHOULD));
      }
    }
    return b.build();
  }

  /** {@code q} with {@code filter}, flattened: see {@link PaperFilters#required}. */
  private static Query restrict(Query q, Query filter) {
    return PaperFilters.required(q).add(filter, BooleanClause.Occur.FILTER).build();
  }

  /**
   * The MoreLikeThis query's terms with their boosts, strongest first (ties in MoreLikeThis's own
   * order, which is best first). Read from the clauses: a QueryVisitor would see each BoostQuery's
   * term without its boost, and visits a BooleanQuery's optional clauses in hash order.
   */
  public static Map<String, Float> termBoosts(Query mlt) {
    Map<String, Float> boosts = new LinkedHashMap<>();
    if (mlt instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        Query q = c.query();
        float boost = 1f;
        if (q instanceof BoostQuery b) {
          boost = b.getBoost();
          q = b.getQuery();
        }
        if (q instanceof TermQuery tq) {
          boosts.merge(tq.getTerm().text(), boost, Math::max);
        }
      }
    }
    List<Map.Entry<String, Float>> sorted = new ArrayList<>(boosts.entrySet());
    // Equal weights are common (two words with the same counts): the word breaks the tie, so the
    // order of the shared words a hit shows is the same on every run.
    sorted.sort(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Float> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
