package dev.scholarsearch.http;

import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.search.Suggester;
import dev.scholarsearch.embed.EmbedderHandle;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /api/suggest}, {@code /api/health} and {@code /api/openapi.json}. */
final class MetaController {
  private final Suggester suggester;
  private final Supplier<IndexOverview> overview;
  private final byte[] openApi;
  private final EmbedderHandle embedder;

  MetaController(Suggester suggester, Supplier<IndexOverview> overview, EmbedderHandle embedder) {
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
    ctx.json(Map.of("suggestions", suggester.suggest(p.string("q", ""), p.integer("limit", Suggester.MAX_RESULTS))));
  }

  void health(Context ctx) {
    Params.of(ctx, Set.of());
    IndexOverview o = overview.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "ok");
    out.put("papers", o.papers());
    out.put("researchers", o.researchers());
    out.put("researchersWithProfiles", o.researchersWithProfiles());
    out.put("builtAt", o.manifest().builtAt().toString());
    out.put("indexBytes", o.sizeBytes());
    out.put("vectors", o.manifest().hasVectors() ? o.manifest().vectorModel() : null);
    out.put("defaultMode", o.manifest().hasVectors() ? "hybrid" : "lexical");
    // Semantic and hybrid requests that come while the model loads wait for it (at most 60 s).
    out.put("embedder", o.manifest().hasVectors() ? embedder.state().name().toLowerCase(java.util.Locale.ROOT) : "unused");
    ctx.json(out);
  }

  void openApi(Context ctx) {
    Params.of(ctx, Set.of());
    ctx.contentType("application/json").result(openApi);
  }
}
