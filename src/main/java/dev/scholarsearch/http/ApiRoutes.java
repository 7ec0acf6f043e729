package dev.scholarsearch.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Function;

/**
 * Every API route, declared once: the server registers exactly these, a wrong method on one of
 * their paths gets a 405 naming the right ones, and the tests check openapi.json against the
 * router built from them (paths, methods, operation ids and summaries).
 */
final class ApiRoutes {
  /** The controllers the handlers belong to. */
  record Controllers(SearchController search, PaperController papers, ResearcherController researchers,
      MetaController meta) {}

  /**
   * One route.
   *
   * @param operationId and {@code summary}: as openapi.json describes it
   * @param handler the controller method that answers it
   */
  record Route(HandlerType method, String path, String operationId, String summary,
      Function<Controllers, Handler> handler) {
    /** Whether a request path is one of this route's. */
    boolean matches(String requestPath) {
      return requestPath.matches(path.replaceAll("\\{[^}]+}", "[^/]+"));
    }
  }

  /** In the order they are documented. */
  static final List<Route> ALL = List.of(
      new Route(HandlerType.GET, "/api/search", "search",
          "Keyword search with filters, facets, snippets, paging and sorting", c -> c.search()::search),
      new Route(HandlerType.GET, "/api/papers/{id}", "paper",
          "One paper: clean and raw abstract, linked authors, sources and merged versions", c -> c.papers()::paper),
      new Route(HandlerType.GET, "/api/papers/{id}/similar", "similarToPaper",
          "Papers most like this one (never itself), each with the reason it matched", c -> c.papers()::similarToPaper),
      new Route(HandlerType.POST, "/api/similar", "similarToText",
          "Papers similar to a pasted abstract or any text", c -> c.papers()::similarToText),
      new Route(HandlerType.GET, "/api/researchers", "rankResearchers",
          "Researchers ranked by how well their work covers a topic", c -> c.researchers()::rank),
      new Route(HandlerType.GET, "/api/researchers/{id}", "researcher",
          "A researcher's profile: pages' stats, papers newest first, co-authors, categories, characteristic terms",
          c -> c.researchers()::profile),
      new Route(HandlerType.GET, "/api/suggest", "suggest",
          "Type-ahead over titles, researcher names and topics", c -> c.meta()::suggest),
      new Route(HandlerType.GET, "/api/health", "health",
          "Status, document counts and when the index was built", c -> c.meta()::health),
      new Route(HandlerType.GET, "/api/openapi.json", "openapi", "This description", c -> c.meta()::openApi));

  private ApiRoutes() {}

  /**
   * The methods the API serves on {@code path}, in the order routes are declared, HEAD after GET
   * (Javalin answers HEAD on every GET route); empty for no route.
   */
  static List<String> allowedMethods(String path) {
    return ALL.stream().filter(r -> r.matches(path))
        .flatMap(r -> r.method() == HandlerType.GET ? java.util.stream.Stream.of("GET", "HEAD")
            : java.util.stream.Stream.of(r.method().name()))
        .distinct().toList();
  }
}
