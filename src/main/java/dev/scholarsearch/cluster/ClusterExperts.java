package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.DocumentBuilder;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ExpertSearch;
import dev.scholarsearch.rank.ExpertVote;
import dev.scholarsearch.rank.MatchedWords;
import dev.scholarsearch.rank.PoolReader;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.UserQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Researchers ranked by topic on the cluster: the pool of papers ranked there as a search ranks
 * them ({@link ClusterRanking}), their authors, paper counts and records read from it in a few
 * requests, and the vote the local index casts ({@link ExpertVote}).
 */
public final class ClusterExperts implements ExpertSearch {
  private static final Duration QUERY = Duration.ofSeconds(15);
  private static final int RESEARCHERS_A_REQUEST = 50;

  private final ClusterSearcher cluster;
  private final ExpertModel model;

  public ClusterExperts(ClusterSearcher cluster) {
    this(cluster, ExpertModel.DEFAULT);
  }

  ClusterExperts(ClusterSearcher cluster, ExpertModel model) {
    this.cluster = cluster;
    this.model = model;
  }

  /** @throws EngineFailure when the cluster cannot be reached or fails */
  @Override
  public List<Expert> rank(String topic, SearchFilters filters, ExpertRanker.Scope scope, int limit,
      Optional<SearchMode> asked) {
    if (limit < 1 || limit > ExpertRanker.MAX_LIMIT) {
      throw InvalidRequestException.badParameter("limit must be between 1 and " + ExpertRanker.MAX_LIMIT + ", got "
          + limit);
    }
    return ranking(topic, filters, scope, limit, asked, true);
  }

  /**
   * The same ranking to any depth with every voter included, as the local {@code
   * ExpertRanker.ranking} gives it to the evaluation.
   */
  public List<Expert> ranking(String topic, SearchFilters filters, ExpertRanker.Scope scope, int limit,
      Optional<SearchMode> asked) {
    return ranking(topic, filters, scope, limit, asked, false);
  }

  private List<Expert> ranking(String topic, SearchFilters filters, ExpertRanker.Scope scope, int limit,
      Optional<SearchMode> asked, boolean matchingOnly) {
    if (topic == null || topic.isBlank()) {
      throw InvalidRequestException.badParameter("topic must not be empty");
    }
    try {
      UserQuery q = cluster.planner().parse(topic, false);
      SearchMode mode = q.isListing() ? SearchMode.LEXICAL : cluster.mode(asked);
      ClusterRanking ranking = ClusterRanking.withAuthors(cluster.solr(), cluster.solr().url().name());
      List<Retrieval.Ranked> pool = cluster.ranked(ranking, q, filters, mode, model.topPapers());
      return ExpertVote.rank(pool, new ClusterPool(cluster.solr(), ranking, q), model, scope, limit, matchingOnly);
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  /** The pool's authors, counts, researchers and evidence, read from the cluster in batches. */
  private static final class ClusterPool implements PoolReader {
    private final SolrHttp solr;
    private final ClusterRanking ranking;
    private final UserQuery q;
    private final Map<String, Integer> paperCounts = new HashMap<>();

    ClusterPool(SolrHttp solr, ClusterRanking ranking, UserQuery q) {
      this.solr = solr;
      this.ranking = ranking;
      this.q = q;
    }

    private JsonNode select(Map<String, ?> params) throws IOException {
      return solr.select(params, QUERY);
    }

    @Override
    public List<List<String>> authors(List<Retrieval.Ranked> pool) throws IOException {
      // The ranking brought most hits' authors back with it; only a hit it did not is asked for.
      List<String> missing = pool.stream().filter(r -> ranking.authors(r.doc()).isEmpty())
          .map(r -> ranking.id(r.doc())).toList();
      Map<String, List<String>> byPaper = new HashMap<>();
      if (!missing.isEmpty()) {
        for (JsonNode d : select(Map.of("q", ClusterRanking.idsQuery(missing), "fq", Fields.KIND + ":"
            + Fields.KIND_PAPER, "fl", Fields.ID + "," + Fields.AUTHOR_ID, "rows", missing.size(), "wt", "json"))
            .path("response").path("docs")) {
          List<String> authors = new ArrayList<>();
          d.path(Fields.AUTHOR_ID).forEach(a -> authors.add(a.asText()));
          byPaper.put(d.path(Fields.ID).asText(), authors);
        }
      }
      List<List<String>> out = new ArrayList<>();
      LinkedHashSet<String> all = new LinkedHashSet<>();
      for (Retrieval.Ranked r : pool) {
        List<String> authors = ranking.authors(r.doc())
            .orElseGet(() -> byPaper.getOrDefault(ranking.id(r.doc()), List.of()));
        out.add(authors);
        all.addAll(authors);
      }
      countPapers(List.copyOf(all));
      return out;
    }

    /** Every paper count the vote will ask for, in one request: the author facet over their papers. */
    private void countPapers(List<String> researchers) throws IOException {
      if (researchers.isEmpty()) {
        return;
      }
      String facet = "{\"n\":{\"type\":\"terms\",\"field\":\"" + Fields.AUTHOR_ID + "\",\"limit\":-1}}";
      JsonNode r = select(Map.of("q", Fields.KIND + ":" + Fields.KIND_PAPER, "fq", "{!terms f=" + Fields.AUTHOR_ID
          + " separator=' '}" + String.join(" ", researchers), "rows", 0, "json.facet", facet, "wt", "json"));
      for (JsonNode b : r.path("facets").path("n").path("buckets")) {
        paperCounts.put(b.path("val").asText(), b.path("count").asInt());
      }
    }

    @Override
    public int paperCount(String researcherId) {
      return paperCounts.getOrDefault(researcherId, 0);
    }

    @Override
    public ResearcherLookup researchers(List<String> candidates) {
      Map<String, Optional<Researcher>> known = new HashMap<>();
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < candidates.size(); i++) {
        position.putIfAbsent(candidates.get(i), i);
      }
      // Asked in ranking order: each miss fetches the next few candidates' records with it.
      return id -> {
        if (!known.containsKey(id)) {
          int from = position.getOrDefault(id, 0);
          List<String> batch = new ArrayList<>(candidates.subList(from, Math.min(candidates.size(),
              from + RESEARCHERS_A_REQUEST)));
          if (!batch.contains(id)) {
            batch.add(id);
          }
          batch.forEach(b -> known.put(b, Optional.empty()));
          for (JsonNode d : select(Map.of("q", ClusterRanking.idsQuery(batch), "fq", Fields.KIND + ":"
              + Fields.KIND_RESEARCHER, "fl", Fields.RECORD, "rows", batch.size(), "wt", "json"))
              .path("response").path("docs")) {
            Researcher r = RecordJson.researcher(d.path(Fields.RECORD).asText());
            known.put(r.id(), Optional.of(r));
          }
        }
        return known.get(id);
      };
    }

    @Override
    public Map<Integer, EvidencePaper> evidence(List<Retrieval.Ranked> papers, List<Retrieval.Ranked> byWords)
        throws IOException {
      List<String> ids = papers.stream().map(r -> ranking.id(r.doc())).distinct().toList();
      Map<String, Paper> records = new HashMap<>();
      if (!ids.isEmpty()) {
        for (JsonNode d : select(Map.of("q", ClusterRanking.idsQuery(ids), "fq", Fields.KIND + ":" + Fields.KIND_PAPER, "fl",
            Fields.RECORD, "rows", ids.size(),
            "wt", "json")).path("response").path("docs")) {
          Paper p = RecordJson.paper(d.path(Fields.RECORD).asText());
          records.put(p.id(), p);
        }
      }
      Map<String, List<String>> words = topicWords(byWords.stream().map(r -> records.get(ranking.id(r.doc())))
          .filter(java.util.Objects::nonNull).toList());
      Map<Integer, EvidencePaper> out = new HashMap<>();
      for (Retrieval.Ranked r : papers) {
        Paper p = records.get(ranking.id(r.doc()));
        if (p != null) {
          out.put(r.doc(), new EvidencePaper(p.id(), p.title(), words.getOrDefault(p.id(), List.of())));
        }
      }
      return out;
    }

    /**
     * The topic's words in each paper, read as the local index reads them (postings of the combined
     * field), from an index in memory of just these papers, built as the local one is.
     */
    private Map<String, List<String>> topicWords(List<Paper> papers) throws IOException {
      Map<String, List<String>> out = new HashMap<>();
      if (papers.isEmpty()) {
        return out;
      }
      DocumentBuilder builder = new DocumentBuilder();
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
          for (Paper p : papers) {
            w.addDocument(builder.paper(p, null, ""));
          }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          MatchedWords matched = new MatchedWords(reader, q);
          for (int i = 0; i < papers.size(); i++) {
            out.put(papers.get(i).id(), matched.in(i));
          }
        }
      }
      return out;
    }
  }
}
