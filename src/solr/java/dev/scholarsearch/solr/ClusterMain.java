package dev.scholarsearch.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud on loopback: an embedded ZooKeeper and N Solr nodes in this JVM, each on a port
 * of its own. Prints {@code nodes: host:port,...} once every node is live, then runs until its
 * standard input ends (the parent that started it is gone) or it is told to stop. Commands, one a
 * line on standard input, let a test take a node away and bring it back:
 * {@code stop I}, {@code start I}, {@code quit}.
 *
 * <p>Arguments: {@code NODES DIR}. DIR holds the nodes' cores and ZooKeeper's data; it is the
 * caller's to delete.
 */
public final class ClusterMain {
  private ClusterMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ClusterMain NODES DIR");
      System.exit(2);
    }
    int nodes = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(dir);
    // Solr's test classes look for these; the values are the defaults a production node has.
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    System.setProperty("solr.default.confdir", dir.resolve("unused-conf").toString());
    System.setProperty("zookeeper.admin.enableServer", "false");
    JettyConfig jetty = JettyConfig.builder().stopAtShutdown(false).build();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, dir, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML, jetty);
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        try {
          cluster.shutdown();
        } catch (Exception e) {
          System.err.println("cluster: stopping: " + e);
        }
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "cluster-stop"));
    // Node numbers stay those of the start: the cluster drops a stopped node from its own list.
    List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
    System.out.println("nodes: " + hosts(runners));
    System.out.flush();

    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      try {
        switch (words[0]) {
          case "stop" -> {
            JettySolrRunner node = runners.get(Integer.parseInt(words[1]));
            cluster.stopJettySolrRunner(node);
            cluster.waitForJettyToStop(node);
            reply("stopped " + words[1]);
          }
          case "start" -> {
            JettySolrRunner node = runners.get(Integer.parseInt(words[1]));
            cluster.startJettySolrRunner(node, true);
            cluster.waitForNode(node, 60);
            reply("started " + words[1] + " " + node.getLocalPort());
          }
          case "quit" -> {
            stop.run();
            reply("quit");
            return;
          }
          case "" -> { }
          default -> reply("error unknown command: " + line);
        }
      } catch (Exception e) {
        reply("error " + e);
      }
    }
    stop.run(); // standard input ended: whoever started us is gone
  }

  private static void reply(String s) {
    System.out.println(s);
    System.out.flush();
  }

  private static String hosts(List<JettySolrRunner> runners) {
    return runners.stream().map(j -> "127.0.0.1:" + j.getLocalPort()).collect(Collectors.joining(","));
  }
}
