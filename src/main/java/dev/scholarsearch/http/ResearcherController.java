package dev.scholarsearch.http;

import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ProfileLookup;
import dev.scholarsearch.rank.ExpertSearch;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** {@code GET /api/researchers?topic=} and {@code GET /api/researchers/{id}}. */
record ResearcherController(ExpertSearch experts, ProfileLookup profiles) {
  private static final Set<String> RANK_PARAMS = Params.filtersAnd("topic", "limit", "scope", "mode");

  void rank(Context ctx) {
    Params p = Params.of(ctx, RANK_PARAMS);
    String topic = p.string("topic", "");
    ExpertRanker.Scope scope = ExpertRanker.Scope.parse(p.string("scope", "all"));
    List<Expert> hits = experts.rank(topic, p.filters(), scope, p.integer("limit", 10),
        SearchMode.parse(p.string("mode", "")));
    ctx.json(new Responses.ExpertRanking(topic, scope.name().toLowerCase(java.util.Locale.ROOT), hits));
  }

  void profile(Context ctx) {
    Params.of(ctx, Set.of());
    String id = ctx.pathParam("id");
    ctx.json(profiles.profile(id).orElseThrow(() -> new NotFoundException("no researcher with id '" + Params.clip(id) + "'")));
  }
}
