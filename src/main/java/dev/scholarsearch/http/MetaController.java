package dev.scholarsearch.http;

import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.search.Suggester;
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

  MetaController(Suggester suggester, Supplier<IndexOverview> overview) {
    this.suggester = suggester;
    this.overview = overview;
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
    ctx.json(out);
  }

  void openApi(Context ctx) {
    Params.of(ctx, Set.of());
    ctx.contentType("application/json").result(openApi);
  }
}
