package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.http.ApiFixture;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table of hostile requests: each gets a 4xx JSON error (never a 500), and the server stays up. */
class HostileHttpTest {
  @TempDir
  static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws IOException {
    api = ApiFixture.seeds(dir.resolve("idx"));
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void expect4xxJson(String what, ApiFixture.Response r) {
    assertTrue(r.status() >= 400 && r.status() < 500, what + " -> " + r.status());
    assertNotNull(r.json(), what + " must answer JSON");
    assertTrue(r.json().hasNonNull("error") && r.json().hasNonNull("message"), what + " -> " + r.json());
  }

  @Test
  void hostileQueryStringsAndPaths() {
    StringJoiner tenThousand = new StringJoiner(" | ");
    for (int i = 0; i < 10_000; i++) {
      tenThousand.add("w" + i);
    }
    StringJoiner manyClauses = new StringJoiner(" ");
    for (int i = 0; i < 300; i++) {
      manyClauses.add("t" + i);
    }
    String[][] table = {
      {"q of 100 KB", "/api/search?q=" + "x".repeat(100_000)},
      {"10,000 OR-ed terms", "/api/search?q=" + enc(tenThousand.toString())},
      {"300 words, over 1,000 characters", "/api/search?q=" + enc(manyClauses.toString())},
      {"leading wildcard", "/api/search?q=" + enc("*tion")},
      {"wildcard alone", "/api/search?q=" + enc("*")},
      {"one-letter prefix", "/api/search?q=" + enc("x*")},
      {"negative offset", "/api/search?offset=-5"},
      {"huge offset", "/api/search?offset=2147483647"},
      {"non-numeric limit", "/api/search?limit=ten"},
      {"unknown parameter", "/api/search?q=x&debug=true"},
      {"path traversal id", "/api/papers/..%2F..%2Fetc%2Fpasswd"},
      {"encoded dots", "/api/papers/%2e%2e%2f"},
      {"traversal on researchers", "/api/researchers/..%2F..%2Fetc%2Fpasswd"},
    };
    for (String[] row : table) {
      expect4xxJson(row[0], api.get(row[1]));
    }
    // Jetty drops the connection after a request line it refuses; the answer must say so, or a
    // client sends its next request down a dead connection.
    ApiFixture.Response tooLong = api.get(table[0][1]);
    assertEquals(414, tooLong.status());
    assertEquals("close", tooLong.raw().headers().firstValue("Connection").orElse("(none)"));
    String[][] raw = {
      {"malformed escape", "/api/search?q=%zz"},
      {"invalid UTF-8", "/api/search?q=%C3%28%FF"},
      {"NUL in path", "/api/papers/%00"},
      {"bad escape in path", "/api/papers/%ZZ"},
    };
    for (String[] row : raw) {
      ApiFixture.Response r = api.rawGet(row[1]);
      assertTrue(r.status() >= 400 && r.status() < 500 || r.status() == 200, row[0] + " -> " + r.status());
      assertNotNull(r.json(), row[0] + " must answer JSON");
    }
    assertEquals(200, api.get("/api/health").status(), "the server is still up");
  }

  @Test
  void manyWordsUnderTheLengthLimitAreAnsweredOrRefusedNeverFailed() {
    StringJoiner words = new StringJoiner(" ");
    for (int i = 0; i < 240; i++) {
      words.add("q" + i);
    }
    for (String path : new String[] {"/api/search?q=", "/api/researchers?topic="}) {
      ApiFixture.Response r = api.get(path + enc(words.toString()));
      assertTrue(r.status() == 200 || r.status() == 400, path + " -> " + r.status() + " " + r.json());
    }
    ApiFixture.Response similar = api.post("/api/similar", "{\"text\":\"" + words.toString().repeat(4) + "\"}");
    assertTrue(similar.status() == 200 || similar.status() == 400, "similar -> " + similar.status());
  }

  @Test
  void plainTextThatLooksLikeSyntaxNeverFails() {
    String[] queries = {"/.*/", "[a-z]+ (foo|bar)", "a\\b\\c", "\"unbalanced", "+ - |", "title:", "author:\"", "((((",
      "ünïcödé 数据 🚀", "fo*o inner", "~2", "\"\"", "AND OR NOT", "x~99"};
    for (String q : queries) {
      ApiFixture.Response r = api.get("/api/search?q=" + enc(q));
      assertTrue(r.status() == 200 || r.status() == 400, q + " -> " + r.status());
      assertNotNull(r.json(), q);
    }
  }

  @Test
  void malformedAndOversizedBodies() {
    expect4xxJson("malformed JSON", api.post("/api/similar", "{\"text\": "));
    expect4xxJson("oversized body", api.post("/api/similar", "{\"text\":\"" + "y".repeat(200_000) + "\"}"));
    expect4xxJson("deeply nested JSON", api.post("/api/similar", "[".repeat(5000) + "]".repeat(5000)));
  }

  @Test
  void headerFloodsAreRefused() {
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri("/api/health"));
    for (int i = 0; i < 2000; i++) {
      b.header("X-Flood-" + i, "v".repeat(20));
    }
    ApiFixture.Response r = api.send(b.GET().build());
    expect4xxJson("2,000 headers", r);
    assertEquals(200, api.get("/api/health").status(), "the server is still up");
  }
}
