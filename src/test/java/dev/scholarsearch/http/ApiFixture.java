package dev.scholarsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.TestData;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real server on a free loopback port over an index of the given inputs. */
public final class ApiFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final LiveIndex index;
  final Javalin app;
  final HttpClient http = HttpClient.newHttpClient();
  public final Path dir;

  /** A response: status, headers and the body as JSON (or null when it is not JSON). */
  public record Response(int status, HttpResponse<String> raw, JsonNode json) {}

  public ApiFixture(Path dir, List<Path> inputs, Duration refresh) throws IOException {
    this(dir, inputs, refresh, false);
  }

  /** With {@code vectors}, every paper is embedded by the real model, as {@code scholar index} does. */
  public ApiFixture(Path dir, List<Path> inputs, Duration refresh, boolean vectors) throws IOException {
    this.dir = dir;
    var corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(inputs).corpus();
    if (vectors) {
      try (VectorCache cache = VectorCache.open(dir.resolve("vector-cache"), EmbeddingModel.DEFAULT.name(), EmbeddingModel.DEFAULT.dimensions())) {
        Indexer.write(dir, corpus, List.of(), "test",
            PaperVectors.using(OnnxEmbedder::shared, cache, s -> {}), s -> {});
      }
    } else {
      Indexer.write(dir, corpus, List.of(), "test", s -> {});
    }
    index = LiveIndex.open(dir, refresh);
    app = AppFactory.create(Services.over(index, new Suggester(index)), ServerOptions.DEFAULT).start("127.0.0.1", 0);
  }

  /** A server over an index built before (by {@code scholar index}), left as it is. */
  public static ApiFixture existing(Path index) throws IOException {
    return new ApiFixture(index);
  }

  private ApiFixture(Path existing) throws IOException {
    this.dir = existing;
    index = LiveIndex.open(existing, Duration.ofSeconds(5));
    app = AppFactory.create(Services.over(index, new Suggester(index)), ServerOptions.DEFAULT).start("127.0.0.1", 0);
  }

  public static ApiFixture seeds(Path dir) throws IOException {
    return new ApiFixture(dir, List.of(TestData.seeds()), Duration.ofMillis(200));
  }

  /** The seed pages with vectors: semantic and hybrid search on, hybrid the default. */
  public static ApiFixture seedsWithVectors(Path dir) throws IOException {
    return new ApiFixture(dir, List.of(TestData.seeds()), Duration.ofMillis(200), true);
  }

  public Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  public Response post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A GET sent byte for byte over a socket, for request lines java.net.URI refuses to build (bad escapes). */
  public Response rawGet(String pathAndQuery) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int status = Integer.parseInt(raw.substring(9, 12));
      String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
      int brace = body.indexOf('{');
      JsonNode json = brace < 0 ? null : JSON.readTree(body.substring(brace, body.lastIndexOf('}') + 1));
      return new Response(status, null, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
  }

  public Response send(HttpRequest req) {
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String ct = r.headers().firstValue("Content-Type").orElse("");
      if (ct.contains("json")) {
        json = JSON.readTree(r.body());
      }
      return new Response(r.statusCode(), r, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    app.stop();
    index.close();
  }
}
