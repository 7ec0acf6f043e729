package dev.scholarsearch.http;

import dev.scholarsearch.search.PaperSearch;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SortOrder;
import io.javalin.http.Context;
import java.util.Set;

/** {@code GET /api/search}. */
record SearchController(PaperSearch papers) {
  private static final Set<String> PARAMS = Params.filtersAnd(
      "q", "sort", "offset", "limit", "exact", "explain", "facetLimit", "mode");

  void search(Context ctx) {
    Params p = Params.of(ctx, PARAMS);
    SearchRequest req = new SearchRequest(p.string("q", ""), p.filters(), SortOrder.parse(p.string("sort", "relevance")),
        p.integer("offset", 0), p.integer("limit", 10), p.bool("exact"), p.bool("explain"), p.integer("facetLimit", 10),
        SearchMode.parse(p.string("mode", "")));
    ctx.json(papers.search(req));
  }
}
