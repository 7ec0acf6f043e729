package dev.scholarsearch.http;

import dev.scholarsearch.cluster.EngineFailure;
import dev.scholarsearch.embed.ModelNotReadyException;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.QueryTimeoutException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the un-started Javalin app: routes, one error mapping, security headers and the access log. */
public final class AppFactory {
  private static final Logger ACCESS = LoggerFactory.getLogger("access");
  private static final Logger LOG = LoggerFactory.getLogger(AppFactory.class);

  /** The page may load only its own scripts, styles and images; nothing inline, no frames. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * How much of a body over the limit is read (and dropped) before the 413 goes out. A client still
   * sending gets its connection reset when the server closes it with the body unread, and the reset
   * can destroy the 413 in flight (seen in ApiTest: "header parser received no bytes"); a little
   * more reading lets the usual oversized request see its error. Beyond this it is cut off.
   */
  private static final int DRAIN_BYTES = 1 << 20;

  private AppFactory() {}

  private static void readAndDrop(Context ctx, int limit) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[8192];
      for (int left = limit, n; left > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, left))) > 0; left -= n) {
        // dropped
      }
    } catch (IOException | RuntimeException gone) {
      // the client went away or the stream is closed: the error still gets its answer if it can
    }
  }

  public static Javalin create(Services services, ServerOptions options) {
    ApiRoutes.Controllers controllers = new ApiRoutes.Controllers(new SearchController(services.papers()),
        new PaperController(services.papers(), services.similar()),
        new ResearcherController(services.experts(), services.researchers()),
        new MetaController(services.suggester(), services.overview(), services.embedder()));

    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.http.maxRequestSize = options.maxBodyBytes();
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/web";
        sf.location = Location.CLASSPATH;
      });
      if (!options.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          if (options.corsOrigins().contains("*")) {
            rule.anyHost();
          } else {
            rule.allowHost(options.corsOrigins().get(0),
                options.corsOrigins().subList(1, options.corsOrigins().size()).toArray(String[]::new));
          }
        }));
      }
      if (options.accessLog()) {
        config.requestLogger.http((ctx, ms) -> ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(),
            String.format("%.1f", ms)));
      }
      routes(config, controllers);
      errors(config, options.maxBodyBytes());
    });
  }

  private static void routes(JavalinConfig config, ApiRoutes.Controllers controllers) {
    config.routes.before(AppFactory::securityHeaders);
    // Browsers and tools that ask for the icon by its old name get the page's SVG one.
    config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
    config.routes.before("/api/*", AppFactory::rejectMalformedEscapes);
    for (ApiRoutes.Route r : ApiRoutes.ALL) {
      config.routes.addEndpoint(new Endpoint(r.method(), r.path(), r.handler().apply(controllers)));
    }
  }

  /** Javalin would fail decoding a path parameter with a bad escape ({@code %u0041}); say what is wrong instead. */
  private static void rejectMalformedEscapes(Context ctx) {
    if (Params.BAD_ESCAPE.matcher(ctx.path()).find()) {
      throw InvalidRequestException.badParameter("the path has a malformed percent-escape (a '%' must be followed by"
          + " two hex digits): '" + Params.clip(ctx.path()) + "'");
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
  }

  /** Whether {@code path} names one of the web page's files ("/" is its index.html). */
  static boolean isWebFile(String path) {
    if (path.contains("..") || path.startsWith("/api")) {
      return false;
    }
    String file = path.equals("/") ? "/index.html" : path;
    return AppFactory.class.getResource("/web" + file) != null;
  }

  /** One mapping from exceptions to the error shape: 400 for bad input, 404 for missing things, 500 only for bugs. */
  private static void errors(JavalinConfig config, long maxBody) {
    config.routes.exception(InvalidRequestException.class,
        (e, ctx) -> ctx.status(400).json(new ApiError(e.code(), e.getMessage())));
    config.routes.exception(QueryTimeoutException.class,
        (e, ctx) -> ctx.status(503).json(new ApiError("query_timeout", e.getMessage())));
    config.routes.exception(ModelNotReadyException.class, (e, ctx) -> ctx.status(503).header("Retry-After", "10")
        .json(new ApiError("model_not_ready", e.getMessage())));
    config.routes.exception(dev.scholarsearch.search.Suggester.NotReadyException.class, (e, ctx) -> ctx.status(503)
        .header("Retry-After", "5").json(new ApiError("suggestions_not_ready", e.getMessage())));
    config.routes.exception(EngineFailure.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(
        e.status() == 503 ? "engine_unavailable" : "engine_error", e.getMessage())));
    config.routes.exception(NotFoundException.class,
        (e, ctx) -> ctx.status(404).json(new ApiError("not_found", e.getMessage())));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      List<String> allowed = e.getStatus() == 404 ? ApiRoutes.allowedMethods(ctx.path()) : List.of();
      if (!allowed.isEmpty()) {
        // The route exists, with other methods: 405 and the methods it takes, as RFC 9110 asks.
        ctx.status(405).header("Allow", String.join(", ", allowed)).json(new ApiError("method_not_allowed",
            ctx.method() + " is not allowed on " + Params.clip(ctx.path()) + "; use " + String.join(" or ", allowed)));
        return;
      }
      if (e.getStatus() == 413) {
        readAndDrop(ctx, DRAIN_BYTES);
      }
      ctx.status(e.getStatus()).json(new ApiError(ErrorCodes.of(e.getStatus()), e.getStatus() == 413
          ? "the request body is larger than the limit of " + (maxBody / 1024) + " KiB" : e.getMessage()));
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      ctx.status(500).json(new ApiError("internal_error", "the server failed on this request; the log has details"));
    });
    config.routes.error(404, ctx -> {
      if (isWebFile(ctx.path()) && !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
        // The web page's files exist for reading only: POST / is a wrong method, not a missing page.
        ctx.status(405).header("Allow", "GET, HEAD").json(new ApiError("method_not_allowed",
            ctx.method() + " is not allowed on " + Params.clip(ctx.path()) + "; use GET or HEAD"));
        return;
      }
      if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
        ctx.json(new ApiError("not_found", "no such endpoint: " + ctx.method() + " " + Params.clip(ctx.path())
            + ". See /api/openapi.json"));
      }
    });
    config.routes.error(405, ctx -> {
      if (ctx.result() == null || !ctx.result().startsWith("{")) {
        ctx.json(new ApiError("method_not_allowed", ctx.method() + " is not allowed here"));
      }
    });
  }
}
