package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.rank.ProfileLookup;
import dev.scholarsearch.rank.ResearcherProfile;
import dev.scholarsearch.rank.ResearcherProfiles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A researcher's profile from the cluster: their record, their newest papers, and the document
 * frequencies their characteristic words are weighed by (the terms component, summed over the
 * shards), assembled as for the local index ({@link ResearcherProfiles#assemble}).
 */
public final class ClusterProfiles implements ProfileLookup {
  private static final Duration QUERY = Duration.ofSeconds(15);
  /** Words a terms request lists: the URL-encoded form of 400 words fits a request body easily. */
  private static final int WORDS_A_REQUEST = 400;

  private final SolrHttp solr;

  public ClusterProfiles(ClusterSearcher cluster) {
    this.solr = cluster.solr();
  }

  /** @throws EngineFailure when the cluster cannot be reached or fails */
  @Override
  public Optional<ResearcherProfile> profile(String id) {
    try {
      JsonNode docs = select(Map.of("q", Fields.ID + ":" + SolrQueryWriter.escape(id), "fq", Fields.KIND + ":"
          + Fields.KIND_RESEARCHER, "fl", Fields.RECORD, "rows", 1, "wt", "json")).path("response").path("docs");
      if (docs.isEmpty()) {
        return Optional.empty();
      }
      Researcher r = RecordJson.researcher(docs.get(0).path(Fields.RECORD).asText());
      List<Paper> papers = new ArrayList<>();
      // Newest first, ties by id: replicas order a shard's documents differently.
      for (JsonNode d : select(Map.of("q", Fields.AUTHOR_ID + ":" + SolrQueryWriter.escape(r.id()), "fq",
          Fields.KIND + ":" + Fields.KIND_PAPER, "fl", Fields.RECORD, "rows", ResearcherProfiles.MAX_PAPERS, "sort",
          Fields.DATE_SORT + " desc,id asc", "wt", "json")).path("response").path("docs")) {
        papers.add(RecordJson.paper(d.path(Fields.RECORD).asText()));
      }
      return Optional.of(ResearcherProfiles.assemble(r, papers, new ResearcherProfiles.DocFreqs() {
        @Override
        public int papers() throws IOException {
          return select(Map.of("q", Fields.KIND + ":" + Fields.KIND_PAPER, "rows", 0, "wt", "json"))
              .path("response").path("numFound").asInt();
        }

        @Override
        public Map<String, Integer> of(List<String> words) throws IOException {
          return docFreqs(solr, words);
        }
      }));
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  /** How many papers hold each word in the combined field, over all shards (the terms component). */
  static Map<String, Integer> docFreqs(SolrHttp solr, List<String> words) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    for (int from = 0; from < words.size(); from += WORDS_A_REQUEST) {
      List<String> chunk = words.subList(from, Math.min(words.size(), from + WORDS_A_REQUEST));
      JsonNode terms = solr.form("/solr/" + solr.url().name() + "/terms", Map.of("terms.fl", Fields.TEXT,
          "terms.list", String.join(",", chunk), "terms.limit", -1, "json.nl", "map", "wt", "json"), QUERY)
          .path("terms").path(Fields.TEXT);
      terms.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
    }
    return out;
  }

  private JsonNode select(Map<String, ?> params) throws IOException {
    return solr.select(params, QUERY);
  }
}
