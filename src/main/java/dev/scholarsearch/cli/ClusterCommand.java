package dev.scholarsearch.cli;

import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.cluster.LocalCluster;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cluster}: a real SolrCloud on loopback, for trying {@code --engine} out. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Start a local SolrCloud of N nodes on loopback and run until stopped (Ctrl-C, or kill): "
        + "ZooKeeper and Solr 9 nodes in a JVM of their own, their data in a temporary directory that is "
        + "deleted when they stop.",
      "",
      "Once every node is live it prints one line, 'engine: URL', to give to index, serve and search as "
          + "--engine URL. The first run builds the nodes (src/solr/) with Maven, which fetches Solr's jars "
          + "once; nothing is downloaded at run time.",
      "",
      "It is a cluster to try things on, not to keep: its collections end with it. A production cluster is "
          + "any SolrCloud 9; see the README, 'When one machine is not enough'."},
    footer = {"", "Examples:",
      "  scholar cluster --nodes 2",
      "  scholar index --engine solr://127.0.0.1:PORT,127.0.0.1:PORT/papers",
      "  scholar serve --engine solr://127.0.0.1:PORT,127.0.0.1:PORT/papers"})
final class ClusterCommand extends CliCommand {
  @Option(names = "--nodes", paramLabel = "N", defaultValue = "2", description = "Solr nodes, 1-9 (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "papers",
      description = "The collection alias the printed URL names (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws InterruptedException {
    EngineUrl.checkName(name);
    err.println("starting a local SolrCloud of " + nodes + " node" + (nodes == 1 ? "" : "s") + "...");
    LocalCluster cluster;
    try {
      cluster = LocalCluster.start(Home.dir(), nodes, err::println);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      err.println("stopping the cluster...");
      cluster.close();
      stopped.countDown();
    }, "cluster-stop"));
    out.println("engine: " + cluster.url(name));
    out.flush();
    // The nodes' JVM ends only when stopped; should it die on its own, so does this command.
    int code = cluster.waitFor();
    if (!stopping.get()) {
      err.println("error: the cluster's JVM exited on its own (status " + code + ")");
      return 1;
    }
    stopped.await();
    return 0;
  }
}
