package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.SurfaceForms;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.search.Feedback;
import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.similar.SimilarHit;
import dev.scholarsearch.similar.SimilarPapers;
import dev.scholarsearch.similar.SimilarSearch;
import dev.scholarsearch.similar.SimilarityModel;
import dev.scholarsearch.similar.SimilarityQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.PriorityQueue;

/**
 * Similar papers on the cluster: the query paper's telling terms picked as Lucene's MoreLikeThis
 * picks them (tf x idf, with the cluster's document frequencies summed over the shards), the same
 * similarity query and RM3 feedback ({@link SimilarityQuery}, its first pass ranked on the
 * cluster), fused with the paper's nearest neighbours as locally, each hit with its shared words.
 */
public final class ClusterSimilar implements SimilarSearch {
  private static final Duration QUERY = Duration.ofSeconds(15);
  /** MoreLikeThis reads at most this many tokens of each value (its default). */
  private static final int MAX_TOKENS_PARSED = 5000;

  private final ClusterSearcher cluster;
  private final SimilarityModel model;
  private final SimilarityQuery query;
  private final HybridTuning fusion;

  public ClusterSimilar(ClusterSearcher cluster) {
    this.cluster = cluster;
    this.model = SimilarityModel.DEFAULT;
    this.query = new SimilarityQuery(model);
    this.fusion = SimilarPapers.DEFAULT_FUSION;
  }

  /** @throws EngineFailure when the cluster cannot be reached or fails */
  @Override
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> asked) {
    SimilarPapers.checkLimit(limit);
    return like(id, filters, limit, asked, true);
  }

  /** The same ranking to any depth, ids and scores only (the evaluation reads the top 1,000). */
  public Optional<List<SimilarHit>> ranking(String id, SearchFilters filters, int n, Optional<SearchMode> asked) {
    return like(id, filters, n, asked, false);
  }

  private Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> asked,
      boolean detailed) {
    try {
      JsonNode docs = select(Map.of("q", Fields.ID + ":" + SolrQueryWriter.escape(id), "fq", Fields.KIND + ":"
          + Fields.KIND_PAPER, "fl", Fields.RECORD + "," + Fields.VECTOR, "rows", 1, "wt", "json"))
          .path("response").path("docs");
      if (docs.isEmpty()) {
        return Optional.empty();
      }
      Paper paper = RecordJson.paper(docs.get(0).path(Fields.RECORD).asText());
      SearchMode mode = cluster.mode(asked);
      String text = paper.title() + "\n" + paper.abstractText();
      Map<String, Float> terms = mode == SearchMode.SEMANTIC ? Map.of() : moreLikeThis(List.of(paper.title(),
          paper.abstractText()));
      Optional<float[]> vector = mode == SearchMode.LEXICAL ? Optional.empty() : vector(docs.get(0).path(Fields.VECTOR));
      return Optional.of(run(mode, terms, vector, text, paper, filters, limit, new SurfaceForms().learn(text),
          detailed));
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  @Override
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit, Optional<SearchMode> asked) {
    SimilarPapers.checkText(text, limit);
    try {
      SearchMode mode = cluster.mode(asked);
      Map<String, Float> terms = mode == SearchMode.SEMANTIC ? Map.of() : moreLikeThis(List.of(text));
      Optional<float[]> vector = mode == SearchMode.LEXICAL ? Optional.empty()
          : cluster.planner().queryVectors().ofText(text);
      return run(mode, terms, vector, text, null, filters, limit, new SurfaceForms().learn(text), true);
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  private List<SimilarHit> run(SearchMode mode, Map<String, Float> queryTerms, Optional<float[]> vector,
      String queryText, Paper paper, SearchFilters filters, int limit, SurfaceForms words, boolean detailed)
      throws IOException {
    List<Query> exclude = paper == null ? List.of() : List.of(new TermQuery(new Term(Fields.ID, paper.id())));
    List<String> fq = ClusterSearcher.filterQueries(filters);
    Query lexical = queryTerms.isEmpty() ? new MatchNoDocsQuery("no telling terms")
        : query.lexical((q, n) -> firstPass(q, fq, n), queryTerms, queryText, paper, exclude);
    List<String> semanticFq = ClusterSearcher.excluding(fq, exclude);
    ClusterRanking ranking = new ClusterRanking(cluster.solr(), cluster.solr().url().name());
    String lexicalQ = SolrQueryWriter.write(lexical);
    List<Retrieval.Ranked> top = new ArrayList<>();
    if (mode == SearchMode.SEMANTIC) {
      List<RankFusion.Fused> fused = ranking.semantic(vector, semanticFq, Math.max(limit, fusion.semanticDepth()),
          fusion);
      fused.subList(0, Math.min(limit, fused.size()))
          .forEach(f -> top.add(new Retrieval.Ranked(f.doc(), f.similarity(), Optional.of(f))));
    } else if (mode == SearchMode.LEXICAL || vector.isEmpty()) {
      for (ScoreDoc sd : ranking.lexical(lexicalQ, fq, limit)) {
        top.add(new Retrieval.Ranked(sd.doc, sd.score, Optional.empty()));
      }
    } else {
      // Every paper near in meaning counts: a paper can be like another in other words.
      List<RankFusion.Fused> fused = ranking.hybrid(lexicalQ, fq, vector, semanticFq,
          Math.max(limit, fusion.lexicalDepth()), Math.max(limit, fusion.semanticDepth()), limit, fusion,
          RetrievalPlan.MeaningOnly.ALL);
      fused.subList(0, Math.min(limit, fused.size()))
          .forEach(f -> top.add(new Retrieval.Ranked(f.doc(), (float) f.score(), Optional.of(f))));
    }
    List<SimilarHit> out = new ArrayList<>(top.size());
    if (!detailed) {
      for (Retrieval.Ranked r : top) {
        out.add(new SimilarHit(ranking.id(r.doc()), "", List.of(), null, "", List.of(), r.score(), List.of(), "",
            r.matchedBy(mode), r.similarity().orElse(null)));
      }
      return out;
    }
    Map<String, Paper> records = records(top.stream().map(r -> ranking.id(r.doc())).toList());
    for (Retrieval.Ranked r : top) {
      out.add(SimilarPapers.hit(records.get(ranking.id(r.doc())), r, mode, queryTerms, words));
    }
    return out;
  }

  /** RM3's first pass on the cluster: the best {@code n} papers for {@code q} that pass the filters. */
  private List<Feedback.Scored> firstPass(Query q, List<String> fq, int n) throws IOException {
    List<Feedback.Scored> out = new ArrayList<>();
    for (JsonNode d : select(Map.of("q", SolrQueryWriter.write(q), "fq", fq, "fl", "id,score," + Fields.RECORD, "rows",
        n, "sort", "score desc,id asc", "wt", "json")).path("response").path("docs")) {
      out.add(new Feedback.Scored((float) d.path("score").asDouble(), RecordJson.paper(d.path(Fields.RECORD).asText())));
    }
    return out;
  }

  /**
   * The terms Lucene's MoreLikeThis would pick from {@code values} in the combined field, with its
   * boosts, strongest first ({@link SimilarityQuery#termBoosts}): the same analysis and counting,
   * the same tf x idf (ClassicSimilarity's idf over the papers holding the field), the same limits
   * from the model, the same queue; only the document frequencies come from the cluster.
   */
  Map<String, Float> moreLikeThis(List<String> values) throws IOException {
    Map<String, int[]> tf = new HashMap<>();
    try (Analyzer analyzer = Analyzers.perField()) {
      for (String value : values) {
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, value)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          TermFrequencyAttribute freq = ts.addAttribute(TermFrequencyAttribute.class);
          ts.reset();
          int tokens = 0;
          while (ts.incrementToken()) {
            if (++tokens > MAX_TOKENS_PARSED) {
              break;
            }
            int[] c = tf.get(term.toString());
            if (c == null) {
              tf.put(term.toString(), new int[] {freq.getTermFrequency()});
            } else {
              c[0] += freq.getTermFrequency();
            }
          }
          ts.end();
        }
      }
    }
    long allDocs = count("*:*") - 1; // the manifest is not a document of the local index
    long papers = count(Fields.KIND + ":" + Fields.KIND_PAPER);
    int maxDocFreq = Math.toIntExact((long) model.maxDocFreqPercent() * allDocs / 100);
    Map<String, Integer> dfs = ClusterProfiles.docFreqs(cluster.solr(), List.copyOf(tf.keySet()));
    int limit = Math.min(model.maxQueryTerms(), tf.size());
    PriorityQueue<float[]> queue = new PriorityQueue<>(Math.max(1, limit)) {
      @Override
      protected boolean lessThan(float[] a, float[] b) {
        return a[0] < b[0];
      }
    };
    Map<float[], String> words = new java.util.IdentityHashMap<>();
    for (Map.Entry<String, int[]> e : tf.entrySet()) {
      int f = e.getValue()[0];
      int df = dfs.getOrDefault(e.getKey(), 0);
      if ((model.minTermFreq() > 0 && f < model.minTermFreq()) || (model.minDocFreq() > 0 && df < model.minDocFreq())
          || df > maxDocFreq || df == 0) {
        continue;
      }
      float idf = (float) (Math.log((papers + 1) / (double) (df + 1)) + 1.0);
      float score = f * idf;
      if (queue.size() < limit) {
        float[] entry = {score};
        words.put(entry, e.getKey());
        queue.add(entry);
      } else if (queue.top()[0] < score) {
        float[] top = queue.top();
        top[0] = score;
        words.put(top, e.getKey());
        queue.updateTop();
      }
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    float best = -1;
    float[] entry;
    while ((entry = queue.pop()) != null) {
      if (best == -1) {
        best = entry[0];
      }
      b.add(new BoostQuery(new TermQuery(new Term(Fields.TEXT, words.get(entry))), entry[0] / best),
          BooleanClause.Occur.SHOULD);
    }
    return SimilarityQuery.termBoosts(b.build());
  }

  private Map<String, Paper> records(List<String> ids) throws IOException {
    Map<String, Paper> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (JsonNode d : select(Map.of("q", ClusterRanking.idsQuery(ids), "fq", Fields.KIND + ":" + Fields.KIND_PAPER, "fl",
        Fields.RECORD, "rows", ids.size(), "wt",
        "json")).path("response").path("docs")) {
      Paper p = RecordJson.paper(d.path(Fields.RECORD).asText());
      out.put(p.id(), p);
    }
    return out;
  }

  private static Optional<float[]> vector(JsonNode v) {
    if (!v.isArray() || v.isEmpty()) {
      return Optional.empty();
    }
    float[] f = new float[v.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) v.get(i).asDouble();
    }
    return Optional.of(f);
  }

  private long count(String q) throws IOException {
    return select(Map.of("q", q, "rows", 0, "wt", "json")).path("response").path("numFound").asLong();
  }

  private JsonNode select(Map<String, ?> params) throws IOException {
    return cluster.solr().select(params, QUERY);
  }
}
