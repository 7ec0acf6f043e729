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
  private static final Set<String> SIMILAR_TEXT_PARAMS = Params.filtersAnd("mode");

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
    int limit = body.limit() == null ? 10 : body.limit();
    String text = VisibleText.clean(body.text());
    if (text.isEmpty() && body.text() != null && !body.text().isEmpty()) {
      throw badBody("text has no visible characters (only spaces, control or zero-width characters)");
    }
    ctx.json(new Responses.SimilarToText(similar.likeText(text, p.filters(), limit, SearchMode.parse(p.string("mode", "")))));
  }

  private static NotFoundException noPaper(String id) {
    return new NotFoundException("no paper with id '" + Params.clip(id) + "'");
  }

  static InvalidRequestException badBody(String message) {
    return new InvalidRequestException("bad_body", message);
  }
}
