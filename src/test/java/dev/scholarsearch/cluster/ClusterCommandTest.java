package dev.scholarsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scholar cluster} as a user runs it, in a JVM of its own: it prints one line {@code engine:
 * URL} once the nodes answer there, and a SIGTERM stops it and every node (no JVM left behind).
 */
class ClusterCommandTest {
  @Test
  void printsItsUrlAndStopsEveryNodeOnSigterm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dscholar.home=" + Path.of("").toAbsolutePath(), "dev.scholarsearch.cli.Main", "cluster", "--nodes", "1",
        "--name", "trial").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          return null;
        }
      }).get(180, TimeUnit.SECONDS);
      assertTrue(line != null && line.matches("engine: solr://127\\.0\\.0\\.1:\\d+/trial"), "one line: " + line);
      EngineUrl url = EngineUrl.parse(line.substring("engine: ".length()));
      var status = new SolrHttp(url).get("/solr/admin/collections", Map.of("action", "CLUSTERSTATUS", "wt", "json"),
          Duration.ofSeconds(10));
      assertEquals(1, status.path("cluster").path("live_nodes").size(), status.toString());
      List<ProcessHandle> nodes = p.descendants().toList();
      assertFalse(nodes.isEmpty(), "the nodes run in a JVM of their own");

      p.destroy(); // SIGTERM, as Ctrl-C or kill sends
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it stops");
      for (ProcessHandle n : nodes) {
        n.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(n.isAlive(), "no node left running: " + n.info());
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
