package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first minutes, as they meet them: every command in a new JVM (the embedding model not yet
 * loaded) on an index with vectors, while other threads keep every core busy.
 */
class ColdStartTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path idx;

  @BeforeAll
  static void index() {
    idx = dir.resolve("idx");
    CliRunner.Run r = CliRunner.run("index", TestData.seeds().toString(), "--index", idx.toString(), "-q",
        "--reference-date", TestData.REFERENCE.toString());
    assertEquals(0, r.code(), r.err());
  }

  /** Threads that keep every core busy until closed. */
  static final class BusyCores implements AutoCloseable {
    private volatile boolean stop;
    private final List<Thread> threads = new ArrayList<>();

    BusyCores() {
      for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
        Thread t = new Thread(() -> {
          long x = 0;
          while (!stop) {
            x += System.nanoTime() % 7;
          }
          if (x == 42) {
            System.out.print("");
          }
        }, "busy-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
    }

    @Override
    public void close() {
      stop = true;
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** What a command run in its own JVM printed; the JVM's own start-up warnings are left out of {@code err}. */
  record Proc(int code, String out, String err, long millis) {}

  static ProcessBuilder scholar(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "dev.scholarsearch.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  static Proc run(String... args) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = scholar(args).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "scholar " + String.join(" ", args) + " did not finish");
    String errText = err.join().lines().filter(l -> !l.startsWith("WARNING:")).reduce("", (a, b) -> a + b + "\n");
    return new Proc(p.exitValue(), out.join(), errText, (System.nanoTime() - start) / 1_000_000);
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Test
  @SuppressWarnings("try") // the busy cores only have to exist while the body runs
  void aColdSearchAnswersInTheDefaultAndTheSemanticModeOnABusyMachine() throws Exception {
    try (BusyCores busy = new BusyCores()) {
      for (String mode : new String[] {null, "semantic"}) {
        Proc p = mode == null ? run("search", "reinforcement learning", "--index", idx.toString())
            : run("search", "reinforcement learning", "--index", idx.toString(), "--mode", mode);
        String expected = mode == null ? "hybrid" : mode;
        assertEquals(0, p.code(), expected + ": " + p.err());
        assertTrue(p.out().matches("(?s)\\d+ papers match \\(" + expected + "\\); top 10:.*"), p.out());
        assertTrue(p.out().contains(" 1. p-"), p.out());
        assertEquals("", p.err(), "nothing on stderr");
        System.out.printf("ColdStartTest: cold 'search' (%s) on busy cores: %d ms, exit 0%n", expected, p.millis());
      }
    }
  }

  @Test
  void aSearchOutOfBudgetIsOneLineAndAFailureNeverAnEmptyResult() throws Exception {
    for (String mode : new String[] {"hybrid", "semantic"}) {
      // Embedding the query alone takes longer than 1 ms; loading the model does not count.
      Proc p = run("search", "reinforcement learning", "--index", idx.toString(), "--mode", mode, "--query-budget", "1");
      assertEquals(1, p.code(), mode + ": " + p.out() + p.err());
      assertEquals("", p.out(), mode + ": no result is printed");
      List<String> lines = p.err().lines().toList();
      assertEquals(1, lines.size(), mode + ": one line, no stack trace: " + p.err());
      assertTrue(lines.get(0).startsWith("error: the query took longer than its time budget of 1 ms"), p.err());
    }
  }

  @Test
  @SuppressWarnings("try") // the busy cores only have to exist while the body runs
  void theFirstSemanticAndHybridRequestsAfterServeStartsWaitForTheModel() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (BusyCores busy = new BusyCores()) {
      long start = System.nanoTime();
      Process server = scholar("serve", "--index", idx.toString(), "--no-reindex", "--port", "0").start();
      try {
        int port = port(server);
        long serving = (System.nanoTime() - start) / 1_000_000;
        List<String> paths = List.of("/api/search?q=reinforcement+learning&mode=semantic",
            "/api/search?q=reinforcement+learning", "/api/researchers?topic=language+models&mode=hybrid",
            "/api/search?q=speculative+decoding&mode=hybrid");
        String health = get(http, port, "/api/health").body();
        List<CompletableFuture<HttpResponse<String>>> first = paths.stream()
            .map(p -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p)).build(),
                HttpResponse.BodyHandlers.ofString())).toList();
        for (int i = 0; i < paths.size(); i++) {
          HttpResponse<String> r = first.get(i).get(90, TimeUnit.SECONDS);
          assertEquals(200, r.statusCode(), paths.get(i) + " -> " + r.body());
          JsonNode body = JSON.readTree(r.body());
          assertFalse(body.path("hits").isEmpty(), paths.get(i) + " -> " + r.body());
        }
        long answered = (System.nanoTime() - start) / 1_000_000;
        String state = JSON.readTree(health).path("embedder").asText();
        assertTrue(state.equals("warming") || state.equals("ready"), health);
        assertEquals("ready", JSON.readTree(get(http, port, "/api/health").body()).path("embedder").asText());
        System.out.printf("ColdStartTest: serve on busy cores: listening after %d ms (embedder %s), first semantic and "
            + "hybrid answers (200) after %d ms%n", serving, state, answered);
      } finally {
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** A rebuild made by another process is served without a restart, and the server's log says so, with the counts. */
  @Test
  void theLogSaysWhenARebuiltIndexIsServed(@TempDir Path tmp) throws Exception {
    Path own = tmp.resolve("idx");
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", own.toString(), TestData.seeds().toString())
        .code());
    Process server = scholar("serve", "--index", own.toString(), "--no-reindex", "--port", "0").start();
    try {
      BlockingQueue<String> log = new LinkedBlockingQueue<>();
      Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(server.getErrorStream(),
          StandardCharsets.UTF_8)).lines().forEach(log::add));
      int port = port(server);
      int papers = JSON.readTree(get(HttpClient.newHttpClient(), port, "/api/health").body()).path("papers").asInt() + 1;
      Path extra = tmp.resolve("extra.jsonl");
      Files.writeString(extra, "{\"id\":\"x-1\",\"title\":\"Surface Codes at Scale\"}\n");
      assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", own.toString(), TestData.seeds().toString(),
          extra.toString()).code());
      String said = null;
      for (String line = log.poll(30, TimeUnit.SECONDS); line != null; line = log.poll(30, TimeUnit.SECONDS)) {
        if (line.contains("now serving the index built at")) {
          said = line;
          break;
        }
      }
      assertTrue(said != null && said.contains(": " + papers + " papers"), "the log line, for " + papers + " papers: " + said);
      HttpResponse<String> r = get(HttpClient.newHttpClient(), port, "/api/search?q=surface+codes");
      assertTrue(r.body().contains("Surface Codes at Scale"), r.body());
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Reads the server's stdout until it says where it listens. */
  private static int port(Process server) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern serving = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = serving.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the server exited before serving: " + read(server.getErrorStream()));
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
