package dev.scholarsearch.http;

import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.search.Suggester;
import dev.scholarsearch.search.TypeAhead;
import dev.scholarsearch.embed.EmbedderHandle;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /api/suggest}, {@code /api/health} and {@code /api/openapi.json}. */
final class MetaController {
  private final TypeAhead suggester;
  private final Supplier<IndexOverview> overview;
  private final byte[] openApi;
  private final EmbedderHandle embedder;

  MetaController(TypeAhead suggester, Supplier<IndexOverview> overview, EmbedderHandle embedder) {
    this.suggester = suggester;
    this.overview = overview;
    this.embedder = embedder;
    try (InputStream in = MetaController.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void suggest(Context ctx) {
    Params p = Params.of(ctx, Set.of("q", "limit"));
    ctx.json(new Responses.Suggestions(suggester.suggest(p.string("q", ""), p.integer("limit", Suggester.MAX_RESULTS))));
  }

  void health(Context ctx) {
    Params.of(ctx, Set.of());
    IndexOverview o = overview.get();
    boolean vectors = o.manifest().hasVectors();
    // Semantic and hybrid requests that come while the model loads wait for it (at most 60 s).
    ctx.json(new Responses.Health("ok", o.papers(), o.researchers(), o.researchersWithProfiles(),
        o.manifest().builtAt().toString(), o.sizeBytes(), vectors ? o.manifest().vectorModel() : null,
        vectors ? "hybrid" : "lexical", vectors ? embedder.state().name().toLowerCase(java.util.Locale.ROOT) : "unused"));
  }

  void openApi(Context ctx) {
    Params.of(ctx, Set.of());
    ctx.contentType("application/json").result(openApi);
  }
}
