package dev.scholarsearch.http;

import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.search.PaperSearch;
import dev.scholarsearch.similar.SimilarHit;
import dev.scholarsearch.similar.SimilarSearch;
import dev.scholarsearch.embed.VisibleText;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** {@code GET /api/papers/{id}}, {@code GET /api/papers/{id}/similar} and {@code POST /api/similar}. */
record PaperController(PaperSearch papers, SimilarSearch similar) {
  private static final Set<String> SIMILAR_PARAMS = Params.filtersAnd("limit", "mode");
  private static final Set<String> SIMILAR_TEXT_PARAMS = Params.filtersAnd("limit", "mode");

  /** The body of {@code POST /api/similar}. */
  record SimilarText(String text, Integer limit) {}

  void paper(Context ctx) {
    Params.of(ctx, Set.of());
    String id = ctx.pathParam("id");
    var paper = papers.paper(id).orElseThrow(() -> noPaper(id));
    ctx.json(PaperView.of(paper, papers.pageOwners(paper)));
  }

  void similarToPaper(Context ctx) {
    Params p = Params.of(ctx, SIMILAR_PARAMS);
    String id = ctx.pathParam("id");
    List<SimilarHit> hits = similar.like(id, p.filters(), p.integer("limit", 10), SearchMode.parse(p.string("mode", ""))).orElseThrow(() -> noPaper(id));
    ctx.json(new Responses.SimilarToPaper(id, hits));
  }

  void similarToText(Context ctx) {
    Params p = Params.of(ctx, SIMILAR_TEXT_PARAMS);
    SimilarText body = Json.body(ctx, SimilarText.class);
    int limit = limit(p, body);
    String text = VisibleText.clean(body.text());
    if (text.isEmpty() && body.text() != null && !body.text().isEmpty()) {
      throw badBody("text has no visible characters (only spaces, control or zero-width characters)");
    }
    ctx.json(new Responses.SimilarToText(similar.likeText(text, p.filters(), limit, SearchMode.parse(p.string("mode", "")))));
  }

  /** The limit from the body or the query string, as a user of the GET endpoints would give it; 10 when neither. */
  private static int limit(Params p, SimilarText body) {
    if (!p.has("limit")) {
      return body.limit() == null ? 10 : body.limit();
    }
    int query = p.integer("limit", 10);
    if (body.limit() != null && body.limit() != query) {
      throw InvalidRequestException.badParameter("limit is " + query + " in the query and " + body.limit()
          + " in the body; give it once");
    }
    return query;
  }

  private static NotFoundException noPaper(String id) {
    return new NotFoundException("no paper with id '" + Params.clip(id) + "'");
  }

  static InvalidRequestException badBody(String message) {
    return new InvalidRequestException("bad_body", message);
  }
}
