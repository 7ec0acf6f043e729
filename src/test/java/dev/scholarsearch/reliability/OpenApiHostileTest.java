package dev.scholarsearch.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.http.ApiFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile values on every parameter the served OpenAPI description declares, in every mode: no 5xx, JSON errors. */
class OpenApiHostileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> WRONG_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final String TOPIC = "neural networks";
  private static final int RANDOM_COMBINATIONS = 300;
  private static final int MAX_KINDS_SHOWN = 30;
  private static final List<Hostile> VALUES = hostileValues();

  @TempDir
  static Path dir;
  static ApiFixture api;
  static JsonNode spec;
  static List<Operation> operations;
  static String paperId;
  static String researcherId;

  private final List<Failure> failures = new ArrayList<>();
  private int sent;
  private int fiveHundreds;

  /** A declared parameter: {@code in} is query, path, or body (a property of the JSON request body). */
  record Param(String name, String in, boolean required, JsonNode schema) {}

  /** One method on one path, with its query, path and body parameters. */
  record Operation(String method, String path, List<Param> params) {
    boolean hasBody() {
      return params.stream().anyMatch(p -> p.in().equals("body"));
    }

    /** The declared values of the {@code mode} query parameter; empty when the operation has none. */
    List<String> modes() {
      return params.stream().filter(p -> p.in().equals("query") && p.name().equals("mode")).findFirst()
          .map(p -> JSON.convertValue(p.schema().path("enum"), String[].class)).map(List::of).orElse(List.of());
    }
  }

  /** A hostile value as it goes into a query string, a path segment and JSON; raw ones go verbatim over a socket. */
  record Hostile(String label, String query, String segment, byte[] json, boolean raw) {}

  /** A hostile value given to one parameter. */
  record Assignment(Param param, Hostile value) {}

  /** One request to {@code route}; {@code kind} groups failures, {@code values} says what was hostile. */
  record Call(String method, String route, String target, byte[] body, boolean raw, String kind, String values) {}

  record Reply(int status, String body, String allow) {}

  record Failure(String kind, String value, String example) {}

  @BeforeAll
  static void start() throws IOException {
    api = ApiFixture.seedsWithVectors(dir.resolve("idx"));
    spec = api.get("/api/openapi.json").json();
    operations = operations(spec);
    paperId = api.get("/api/search?q=learning&mode=lexical").json().path("hits").path(0).path("id").asText();
    researcherId = api.get("/api/researchers?topic=learning&mode=lexical").json()
        .path("hits").path(0).path("id").asText();
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  @Test
  void hostileValuesOnEveryDeclaredParameterNeverFailTheServer() {
    assertTrue(operations.size() >= 5, "the description declares " + operations.size() + " operations");
    assertFalse(paperId.isBlank() || researcherId.isBlank(), "ids to address: " + paperId + ", " + researcherId);
    everyParameterTimesEveryValueTimesEveryMode();
    randomCombinations(new Random(20_240_611L));
    hostileBodies();
    wrongMethodCalls().forEach(this::check);
    int health = api.get("/api/health").status();
    System.out.println("OpenApiHostileTest: " + sent + " hostile requests, " + fiveHundreds + " answered 5xx");
    assertEquals(200, health, "the server still answers /api/health");
    assertTrue(failures.isEmpty(), this::report);
  }

  @Test
  void wrongMethodOnAnExistingRouteIs405WithAllow() {
    for (Call call : wrongMethodCalls()) {
      Reply r = send(call);
      Set<String> declared = declaredMethods(call.route());
      if (r.status() != 405) {
        fail(call, r, "expected 405, got " + r.status());
      } else if (r.allow() == null || !allowList(r.allow()).containsAll(declared)) {
        fail(call, r, "405 without an Allow header naming " + declared + " (Allow: " + r.allow() + ")");
      } else if (!isJsonError(r.body())) {
        fail(call, r, "405 without a JSON {error, message} body");
      }
    }
    assertTrue(failures.isEmpty(), this::report);
  }

  // ---- the requests

  /**
   * Every parameter with every value, in the default mode and in one declared mode that rotates
   * from value to value, so each parameter meets each mode and each value each mode (all of them
   * for every pair with -Dhostile.everyMode=true: 12,200 requests in all against 6,700, 19 s against 13).
   */
  private void everyParameterTimesEveryValueTimesEveryMode() {
    boolean everyMode = Boolean.getBoolean("hostile.everyMode");
    int turn = 0;
    for (Operation op : operations) {
      for (Param param : op.params()) {
        for (Hostile value : VALUES) {
          List<Assignment> hostile = List.of(new Assignment(param, value));
          List<String> modes = modesFor(op, hostile);
          if (!everyMode && modes.size() > 2) {
            modes = java.util.Arrays.asList(null, modes.get(1 + turn++ % (modes.size() - 1)));
          }
          for (String mode : modes) {
            check(call(op, mode, hostile));
          }
        }
      }
    }
  }

  private void randomCombinations(Random random) {
    List<Operation> withParams = operations.stream().filter(op -> !op.params().isEmpty()).toList();
    for (int i = 0; i < RANDOM_COMBINATIONS; i++) {
      Operation op = pick(random, withParams);
      List<Assignment> hostile = new ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        hostile.add(new Assignment(pick(random, op.params()), pick(random, VALUES)));
      }
      check(call(op, pick(random, modesFor(op, hostile)), hostile));
    }
  }

  private void hostileBodies() {
    for (Operation op : operations) {
      if (!op.hasBody()) {
        continue;
      }
      for (String body : hostileBodies(op)) {
        for (String mode : modesFor(op, List.of())) {
          Call valid = call(op, mode, List.of());
          check(new Call(op.method(), op.path(), valid.target(), body.getBytes(UTF_8), false,
              op.method() + " " + op.path() + " [body]" + modeLabel(mode), "body " + printable(body)));
        }
      }
    }
  }

  /** The mode omitted (null) and, unless a hostile value is the mode itself, each declared mode. */
  private static List<String> modesFor(Operation op, List<Assignment> hostile) {
    List<String> modes = new ArrayList<>();
    modes.add(null);
    if (hostile.stream().noneMatch(a -> a.param().name().equals("mode"))) {
      modes.addAll(op.modes());
    }
    return modes;
  }

  /** Each method a path does not declare, sent with otherwise valid parameters. */
  private static List<Call> wrongMethodCalls() {
    List<Call> calls = new ArrayList<>();
    Map<String, Operation> onePerPath = new LinkedHashMap<>();
    operations.forEach(op -> onePerPath.putIfAbsent(op.path(), op));
    for (Operation op : onePerPath.values()) {
      Set<String> declared = declaredMethods(op.path());
      for (String method : WRONG_METHODS) {
        if (!declared.contains(method)) {
          byte[] body = method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(UTF_8);
          calls.add(new Call(method, op.path(), call(op, null, List.of()).target(), body, false,
              "a method the path does not declare", method + " " + op.path()));
        }
      }
    }
    return calls;
  }

  /** The operation's request with the hostile assignments, the other required parameters valid, and the mode if any. */
  private static Call call(Operation op, String mode, List<Assignment> hostile) {
    String path = op.path();
    List<String> query = new ArrayList<>();
    Map<String, byte[]> body = new LinkedHashMap<>();
    Set<String> given = new LinkedHashSet<>();
    for (Assignment a : hostile) {
      given.add(a.param().name());
      switch (a.param().in()) {
        case "path" -> path = path.replace("{" + a.param().name() + "}", a.value().segment());
        case "query" -> query.add(a.param().name() + "=" + a.value().query());
        default -> body.put(a.param().name(), a.value().json());
      }
    }
    for (Param p : op.params()) {
      if ((p.required() || p.in().equals("path")) && !given.contains(p.name())) {
        switch (p.in()) {
          case "path" -> path = path.replace("{" + p.name() + "}", validText(op, p));
          case "query" -> query.add(p.name() + "=" + enc(validText(op, p)));
          default -> body.put(p.name(), validJson(op, p));
        }
      }
    }
    if (mode != null) {
      query.add("mode=" + mode);
    }
    String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    boolean raw = hostile.stream().anyMatch(a -> a.value().raw());
    String kind = op.method() + " " + op.path() + " " + hostile.stream().map(a -> a.param().name()).toList()
        + modeLabel(mode);
    String values = hostile.stream().map(a -> a.param().name() + "=" + a.value().label())
        .collect(Collectors.joining(" "));
    return new Call(op.method(), op.path(), target, op.hasBody() ? jsonObject(body) : null, raw, kind, values);
  }

  private static String validText(Operation op, Param p) {
    JsonNode schema = p.schema();
    if (schema.path("enum").size() > 0) {
      return schema.path("enum").get(0).asText();
    }
    return switch (schema.path("type").asText()) {
      case "integer", "number" -> schema.path("default").asText(schema.path("minimum").asText("1"));
      case "boolean" -> "false";
      default -> p.in().equals("path") ? (op.path().contains("/researchers") ? researcherId : paperId) : TOPIC;
    };
  }

  private static byte[] validJson(Operation op, Param p) {
    String text = validText(op, p);
    boolean string = !Set.of("integer", "number", "boolean").contains(p.schema().path("type").asText());
    return string ? jsonString(text) : text.getBytes(UTF_8);
  }

  private static List<String> hostileBodies(Operation op) {
    List<String> fields = op.params().stream().filter(p -> p.in().equals("body")).map(Param::name).toList();
    String f = "\"" + op.params().stream().filter(p -> p.in().equals("body") && p.required()).map(Param::name)
        .findFirst().orElse(fields.get(0)) + "\"";
    String bare = f.replace("\"", "");
    List<String> bodies = new ArrayList<>(List.of("", " ", "{", "}", "{" + f + ": ", "[]", "[1, 2]", "null", "true",
        "5", "\"text\"", "{}", "{" + f + ":5}", "{" + f + ":-1}", "{" + f + ":null}", "{" + f + ":true}",
        "{" + f + ":[\"a\"]}", "{" + f + ":{\"a\":1}}", "{" + f + ":1e309}", "{" + f + ":9999999999999999999}",
        "{" + f + ":NaN}", "{" + f + ":\"x\",\"unknownField\":1}", "{" + f + ":\"x\"," + f + ":\"y\"}",
        "{" + f + ":\"x\"}{}", "{" + f + ":\"x\"} trailing", "{'" + bare + "':'x'}", "{" + bare + ":\"x\"}",
        "/* comment */{" + f + ":\"x\"}", "\uFEFF{" + f + ":\"x\"}", "{" + f + ":\"\\ud800\"}",
        "{" + f + ":\"\\udc00\\ud800\"}", "{" + f + ":\"\\u0000\"}", "{" + f + ":\"\\u200b\"}",
        "{" + f + ":\"\\uZZZZ\"}", "{" + f + ":\"" + "y".repeat(100_000) + "\"}",
        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)));
    for (String field : fields) {
      for (String literal : List.of("null", "true", "1.5", "[]", "{}", "\"5\"", "-0", "2147483648")) {
        bodies.add("{" + f + ":\"" + TOPIC + "\",\"" + field + "\":" + literal + "}");
      }
    }
    return bodies;
  }

  // ---- sending and checking

  private void check(Call call) {
    Reply r = send(call);
    if (r.status() >= 500) {
      fiveHundreds++;
      fail(call, r, String.valueOf(r.status()));
    } else if (r.status() < 0 && !uploadRefused(call)) {
      fail(call, r, "no readable answer");
    } else if (r.status() >= 400 && !isJsonError(r.body())) {
      fail(call, r, r.status() + " without a JSON {error, message} body");
    }
  }

  /**
   * A body over the server's limit is refused from its Content-Length, before it is read; the
   * connection then closes under a client still writing, which at times loses the 413 (a TCP
   * reset). That is the upload refused, not the server failing: HostileHttpTest checks the 413.
   */
  private static boolean uploadRefused(Call call) {
    return call.body() != null && call.body().length > dev.scholarsearch.http.ServerOptions.DEFAULT.maxBodyBytes();
  }

  private Reply send(Call call) {
    sent++;
    // No second try: a request the server cannot parse (414, 431) is answered with "Connection: close",
    // so the client never sends the next one down the connection Jetty closed.
    return attempt(call);
  }

  private static Reply attempt(Call call) {
    try {
      return call.raw() ? raw(call) : viaClient(call);
    } catch (IOException | RuntimeException e) {
      return new Reply(-1, "no readable answer: " + e, null);
    }
  }

  private static Reply viaClient(Call call) {
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(call.target())).timeout(Duration.ofSeconds(30));
    if (call.body() != null) {
      b.header("Content-Type", "application/json")
          .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    ApiFixture.Response r = api.send(b.build());
    return new Reply(r.status(), r.raw().body(), r.raw().headers().firstValue("Allow").orElse(null));
  }

  /**
   * The request written byte for byte, for targets java.net.URI refuses or would re-encode. (ApiFixture.rawGet only
   * sends GETs and drops the headers, and the POST operations take hostile query parameters too.)
   */
  private static Reply raw(Call call) throws IOException {
    URI server = api.uri("/");
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(30_000);
      byte[] body = call.body() == null ? new byte[0] : call.body();
      String head = call.method() + " " + call.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + (call.body() == null ? "" : "Content-Type: application/json\r\n")
          + "Content-Length: " + body.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Reply parse(byte[] response) {
    String text = new String(response, ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Reply(Integer.parseInt(head[0].split(" ")[1]), new String(body, UTF_8), headers.get("allow"));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(chunked, ISO_8859_1);
    int at = 0;
    while (true) {
      int eol = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, eol + 2, size);
      at = eol + 2 + size + 2;
    }
  }

  private static boolean isJsonError(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.path("error").isTextual() && json.path("message").isTextual();
    } catch (IOException e) {
      return false;
    }
  }

  private void fail(Call call, Reply r, String problem) {
    String example = call.method() + " " + clip(call.target(), 160) + " -> " + r.status() + " "
        + clip(oneLine(r.body()), 200);
    failures.add(new Failure(call.kind() + " -> " + problem, call.values(), example));
  }

  /** The failures grouped by kind: count, the hostile values that hit it, and the first request. */
  private String report() {
    Map<String, List<Failure>> byKind = failures.stream()
        .collect(Collectors.groupingBy(Failure::kind, LinkedHashMap::new, Collectors.toList()));
    StringBuilder sb = new StringBuilder(failures.size() + " of " + sent + " hostile requests failed, in "
        + byKind.size() + " kinds:");
    byKind.entrySet().stream().limit(MAX_KINDS_SHOWN).forEach(e -> {
      Set<String> values = e.getValue().stream().map(Failure::value)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      sb.append("\n  ").append(e.getValue().size()).append("x ").append(e.getKey())
          .append("\n      values: ").append(clip(String.join(", ", values), 300))
          .append("\n      e.g. ").append(e.getValue().get(0).example());
    });
    if (byKind.size() > MAX_KINDS_SHOWN) {
      sb.append("\n  ... and ").append(byKind.size() - MAX_KINDS_SHOWN).append(" more kinds");
    }
    return sb.toString();
  }

  // ---- the description

  static List<Operation> operations(JsonNode spec) {
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      JsonNode item = deref(path.getValue());
      for (Map.Entry<String, JsonNode> method : item.properties()) {
        if (HTTP_METHODS.contains(method.getKey())) {
          JsonNode op = deref(method.getValue());
          Map<String, Param> params = new LinkedHashMap<>();
          for (Param p : parameters(item.path("parameters"))) {
            params.put(p.in() + " " + p.name(), p);
          }
          for (Param p : parameters(op.path("parameters"))) {
            params.put(p.in() + " " + p.name(), p);
          }
          for (Param p : bodyProperties(op.path("requestBody"))) {
            params.put("body " + p.name(), p);
          }
          ops.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
              List.copyOf(params.values())));
        }
      }
    }
    return ops;
  }

  private static List<Param> parameters(JsonNode declared) {
    List<Param> out = new ArrayList<>();
    for (JsonNode node : declared) {
      JsonNode p = deref(node);
      String in = p.path("in").asText();
      if (in.equals("query") || in.equals("path")) {
        out.add(new Param(p.path("name").asText(), in, p.path("required").asBoolean(false),
            deref(p.path("schema"))));
      }
    }
    return out;
  }

  private static List<Param> bodyProperties(JsonNode requestBody) {
    JsonNode schema = deref(deref(requestBody).path("content").path("application/json").path("schema"));
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    List<Param> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      out.add(new Param(property.getKey(), "body", required.contains(property.getKey()), deref(property.getValue())));
    }
    return out;
  }

  /** Follows local {@code $ref}s ({@code #/components/...}). */
  private static JsonNode deref(JsonNode node) {
    while (node.has("$ref")) {
      node = spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static Set<String> declaredMethods(String path) {
    return operations.stream().filter(op -> op.path().equals(path)).map(Operation::method)
        .collect(Collectors.toSet());
  }

  private static Set<String> allowList(String allow) {
    return Set.of(allow.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
  }

  // ---- the hostile values

  private static List<Hostile> hostileValues() {
    List<Hostile> values = new ArrayList<>();
    for (String s : List.of("", "   ", "\u200B", "\u00A0", "\uFEFF", "\u0000", "\u0001\u0002\u0003\u0007\u0008",
        "\t\r\n", "\u001B[31mred", "\u007F", "\u0085", "\u2028", "\u202Eevil", "\u0301", "\u0301\u0308\u0327\u20DD",
        "\uD83D\uDE80\uD83D\uDD25", "\uD83D\uDC69\u200D\uD83D\uDD2C", "x".repeat(10_000), "neural ".repeat(1_430),
        "Infinity", "0x10", "1.5", "*", "+", "-", "|", "\"", "~", "title:", "(((", "\\", "AND", "*:*", "[* TO *]",
        "/.*/", "a~99", "%", "%25", "%u0041", "%%", "' OR '1'='1' --", "1; DROP TABLE papers;--",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "${jndi:ldap://x/a}{{7*7}}", "../../etc/passwd", "..\\..\\windows\\win.ini", "null", "true")) {
      values.add(new Hostile("\"" + printable(s) + "\"", enc(s), enc(s).replace("+", "%20"), jsonString(s), false));
    }
    for (String n : List.of("-1", "0", "-0", "2147483648", "9999999999999999999", "1e309", "NaN")) {
      values.add(new Hostile(n, enc(n), enc(n), n.getBytes(UTF_8), false));
    }
    values.add(raw("%ED%A0%80", "\"\\ud800\""));
    values.add(raw("%ED%B0%80", "\"\\udc00\""));
    for (String r : List.of("%ff%fe", "%c3%28", "%80", "%C0%AF", "%F4%90%80%80", "%00", "%u0041", "%zz", "%",
        "%%", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "a%0d%0aX-Injected:%201")) {
      values.add(raw(r, null));
    }
    return List.copyOf(values);
  }

  /** Sent verbatim; in a JSON body, its escapes become the raw bytes they stand for (or the given JSON). */
  private static Hostile raw(String verbatim, String json) {
    byte[] body = json != null ? json.getBytes(UTF_8) : quoted(percentDecodeLeniently(verbatim));
    return new Hostile("raw " + verbatim, verbatim, verbatim, body, true);
  }

  private static byte[] percentDecodeLeniently(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("%", i) && i + 2 < s.length() && s.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(s.charAt(i));
      }
    }
    return out.toByteArray();
  }

  // ---- small helpers

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String modeLabel(String mode) {
    return mode == null ? "" : " mode=" + mode;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, UTF_8);
  }

  private static byte[] jsonString(String s) {
    try {
      return JSON.writeValueAsBytes(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] quoted(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('"');
    out.writeBytes(bytes);
    out.write('"');
    return out.toByteArray();
  }

  private static byte[] jsonObject(Map<String, byte[]> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('{');
    String comma = "";
    for (Map.Entry<String, byte[]> f : fields.entrySet()) {
      out.writeBytes((comma + "\"" + f.getKey() + "\":").getBytes(UTF_8));
      out.writeBytes(f.getValue());
      comma = ",";
    }
    out.write('}');
    return out.toByteArray();
  }

  /** Invisible and control characters as {@code <U+XXXX>}, long strings clipped with their length. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(24).forEach(cp -> {
      int type = Character.getType(cp);
      boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
          || type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
      boolean visible = cp == ' ' || !invisible;
      sb.append(visible ? Character.toString(cp) : String.format("<U+%04X>", cp));
    });
    String out = sb.toString();
    return s.codePointCount(0, s.length()) > 24 ? out + "...(" + s.length() + " chars)" : out;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
