package dev.scholarsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.search.Suggestion;
import dev.scholarsearch.similar.SimilarHit;
import java.util.List;

/** The bodies the API answers with, besides the service results it returns as they are; shaped as openapi.json says. */
final class Responses {
  private Responses() {}

  /** {@code GET /api/papers/{id}/similar}. */
  record SimilarToPaper(String paperId, List<SimilarHit> hits) {}

  /** {@code POST /api/similar}. */
  record SimilarToText(List<SimilarHit> hits) {}

  /** {@code GET /api/researchers}. */
  record ExpertRanking(String topic, String scope, List<Expert> hits) {}

  /** {@code GET /api/suggest}. */
  record Suggestions(List<Suggestion> suggestions) {}

  /**
   * {@code GET /api/health}.
   *
   * @param vectors the embedding model of the papers' vectors; null (said, not left out) without vectors
   * @param embedder not_loaded, warming, ready or failed; unused on an index without vectors
   */
  record Health(String status, long papers, long researchers, long researchersWithProfiles, String builtAt,
      long indexBytes, @JsonInclude(JsonInclude.Include.ALWAYS) String vectors, String defaultMode, String embedder) {}
}
