package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Solr's HTTP API over the JDK's client: no SolrJ, whose Jetty client would clash with the
 * server's Jetty 12. Requests go to the nodes in turn; a node that cannot be reached is skipped and
 * the request is sent once more to another one. A cluster that no node of answers is an {@link
 * EngineUnavailableException} naming the URL; an error Solr answers with is an {@link
 * EngineException} with its message.
 */
public final class SolrHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration CONNECT = Duration.ofSeconds(3);

  private final EngineUrl url;
  private final HttpClient client;
  /** The nodes known: those the URL names, then those the cluster reported live. */
  private volatile List<String> nodes;
  private final AtomicInteger next = new AtomicInteger();

  public SolrHttp(EngineUrl url) {
    this.url = url;
    this.nodes = url.hosts();
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
  }

  public EngineUrl url() {
    return url;
  }

  /** A GET of {@code path} (from {@code /solr/...}) with {@code params}, within {@code timeout}. */
  public JsonNode get(String path, Map<String, ?> params, Duration timeout) throws IOException {
    return send(path, params, null, null, timeout);
  }

  /** A POST of {@code body} as {@code contentType}. */
  public JsonNode post(String path, Map<String, ?> params, byte[] body, String contentType, Duration timeout)
      throws IOException {
    return send(path, params, body, contentType, timeout);
  }

  /** A POST of {@code params} as a form: a query too long for a URL (a pasted abstract, a vector). */
  public JsonNode form(String path, Map<String, ?> params, Duration timeout) throws IOException {
    return send(path, Map.of(), query(params).substring(1).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", timeout);
  }

  /** A search on the URL's collection alias ({@code /select}), its parameters sent as a form. */
  public JsonNode select(Map<String, ?> params, Duration timeout) throws IOException {
    return form("/solr/" + url.name() + "/select", params, timeout);
  }

  /** Learns the live nodes from the cluster, so a later request can go to a node the URL does not name. */
  public void discoverNodes() throws IOException {
    JsonNode status = get("/solr/admin/collections", Map.of("action", "CLUSTERSTATUS", "wt", "json"),
        Duration.ofSeconds(10));
    LinkedHashSet<String> all = new LinkedHashSet<>(url.hosts());
    for (JsonNode n : status.path("cluster").path("live_nodes")) {
      String node = n.asText(); // "127.0.0.1:8983_solr"
      int us = node.lastIndexOf('_');
      all.add(us > 0 ? node.substring(0, us) : node);
    }
    nodes = List.copyOf(all);
  }

  private JsonNode send(String path, Map<String, ?> params, byte[] body, String contentType, Duration timeout)
      throws IOException {
    List<String> order = rotation();
    List<String> failures = new ArrayList<>();
    // One node, and once more another when the first cannot be reached.
    for (int attempt = 0; attempt < Math.min(2, order.size()); attempt++) {
      String host = order.get(attempt);
      URI uri = URI.create("http://" + host + path + query(params));
      HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
      if (body == null) {
        req.GET();
      } else {
        req.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      }
      HttpResponse<byte[]> res;
      try {
        res = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (ConnectException | HttpConnectTimeoutException | ClosedChannelException e) {
        failures.add(host + ": " + describe(e));
        continue;
      } catch (HttpTimeoutException e) {
        throw new EngineUnavailableException("the cluster at " + url + " did not answer within " + timeout.toMillis()
            + " ms (" + host + path + ")", e);
      } catch (IOException e) {
        // A node that went away mid-request ("connection reset", "header parser received no bytes").
        failures.add(host + ": " + describe(e));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the cluster at " + url, e);
      }
      return parse(res, host + path);
    }
    throw new EngineUnavailableException("the cluster at " + url + " is unreachable: " + String.join("; ", failures),
        null);
  }

  /** The nodes, starting with the next in turn, so that the load and a retry spread over them. */
  private List<String> rotation() {
    List<String> n = nodes;
    int start = Math.floorMod(next.getAndIncrement(), n.size());
    List<String> order = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      order.add(n.get((start + i) % n.size()));
    }
    return order;
  }

  private static JsonNode parse(HttpResponse<byte[]> res, String where) throws IOException {
    JsonNode json;
    try {
      json = MAPPER.readTree(res.body());
    } catch (IOException e) {
      throw new EngineException(res.statusCode(), "the cluster answered " + where + " with HTTP " + res.statusCode()
          + " and no JSON: " + new String(res.body(), 0, Math.min(200, res.body().length), StandardCharsets.UTF_8));
    }
    if (res.statusCode() >= 300 || json.has("error")) {
      String msg = json.path("error").path("msg").asText(json.path("error").toString());
      throw new EngineException(res.statusCode(), "the cluster refused " + where + " (HTTP " + res.statusCode() + "): "
          + msg);
    }
    return json;
  }

  private static String query(Map<String, ?> params) {
    if (params.isEmpty()) {
      return "";
    }
    return params.entrySet().stream().flatMap(e -> {
      Object v = e.getValue();
      List<?> values = v instanceof List<?> l ? l : List.of(v);
      return values.stream().map(x -> enc(e.getKey()) + "=" + enc(String.valueOf(x)));
    }).collect(Collectors.joining("&", "?", ""));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String describe(Throwable e) {
    if (e instanceof ConnectException && e.getMessage() == null) {
      return "connection refused";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
