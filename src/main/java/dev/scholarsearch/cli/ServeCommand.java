package dev.scholarsearch.cli;

import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.http.AppFactory;
import dev.scholarsearch.http.ServerOptions;
import dev.scholarsearch.http.Services;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.IndexStatus;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: brings the index up to date, then serves the API and the web page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the API and the web page (the default command).",
      "",
      "First brings the index up to date: a missing index is built from seeds/, an existing one is rebuilt"
          + " from its own inputs when they changed. When some of its inputs are gone, the index is served as it is"
          + " (a warning names them); an index that cannot be read is an error, and is left as it is. While serving, rebuilds made by 'scholar index' in another"
          + " process are picked up within seconds, with no restart (the log says when, with the counts).",
      "",
      "The server listens on 127.0.0.1 only. To let other machines connect, pass --host 0.0.0.0 (or an"
          + " address of this machine); there is no authentication, so do that only on a trusted network."},
    footer = {"", "Examples:", "  scholar serve", "  scholar serve --port 8080 --cors http://localhost:5173"})
final class ServeCommand extends CliCommand {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--cors", paramLabel = "ORIGIN", description = "Allow browser calls from this origin (repeatable; '*' for any). Off by default.")
  List<String> cors = new ArrayList<>();

  @Option(names = "--no-reindex", description = "Serve the index as it is, without checking its inputs.")
  boolean noReindex;

  @Option(names = "--query-budget", paramLabel = "MS", defaultValue = "2000",
      description = "Stop a request's searches after this many milliseconds and answer 503 (default: ${DEFAULT-VALUE}).")
  long queryBudgetMs;

  @Mixin
  SearchThreadsOption searchThreads;

  @Option(names = "--engine", paramLabel = "URL",
      description = "Serve a SolrCloud collection built by 'index --engine' instead of a local index: "
          + "solr://HOST:PORT[,HOST:PORT...]/NAME. Every endpoint runs on the cluster.")
  String engine;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      err.println("error: --port must be between 0 and 65535, got " + port);
      return 2;
    }
    Path dir = indexDir.path();
    if (queryBudgetMs < 1) {
      err.println("error: --query-budget must be at least 1 ms, got " + queryBudgetMs);
      return 2;
    }
    int threads = searchThreads.threads(); // a bad value fails here, before any rebuild
    if (engine != null) {
      return serveCluster();
    }
    if (!noReindex) {
      int code = new RebuildService(out, err).ensureServable(dir);
      if (code != 0) {
        return code;
      }
    }
    IndexStatus status = IndexStatus.of(dir);
    Optional<String> problem = ExistingIndex.problemReading(status, indexDir.isDefault());
    if (problem.isPresent()) {
      err.println(problem.get());
      return 1;
    }
    if (noReindex && status instanceof IndexStatus.InputsMissing m) {
      err.println("warning: " + ExistingIndex.inputsGone(m) + "; serving the index as it is");
    }
    return serve(dir, threads);
  }

  /** Opens the index, starts loading the model, and serves until the process is stopped. */
  private int serve(Path dir, int threads) throws IOException, InterruptedException {
    LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.threads(threads)
        .budget(Duration.ofMillis(queryBudgetMs)));
    // A rebuild by 'scholar index' in another process is served within seconds; say so in the log, or
    // whoever rebuilt cannot tell whether the server has the new papers yet.
    index.onNewCommit(() -> {
      IndexManifest m = index.manifest();
      LOG.info("now serving the index built at {}: {} papers, {} researchers", m.builtAt(), m.papers(), m.researchers());
    });
    Suggester suggester = new Suggester(index);
    suggester.prepare(); // on its own thread: about 10 s on the 86k corpus, ready before anyone types
    // Load the model, and run each kind of search once, while the server starts: a semantic or hybrid
    // request that comes first waits for that (at most a minute, outside its time budget) instead of failing.
    EmbedderHandle embedder = new EmbedderHandle(() -> {
      TextEmbedder model = OnnxEmbedder.load(index.manifest().embeddingModel().orElse(EmbeddingModel.DEFAULT));
      Services.warmUp(index, suggester, model);
      return model;
    });
    if (index.manifest().hasVectors()) {
      embedder.startLoading();
    }
    Javalin app = AppFactory.create(Services.over(index, suggester, embedder), new ServerOptions(cors, ServerOptions.DEFAULT.maxBodyBytes(), true));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      embedder.close();
      try {
        suggester.close();
        index.close();
      } catch (IOException ignored) {
        // exiting anyway
      }
      stopped.countDown();
    }));
    if (!listen(app)) {
      embedder.close();
      index.close();
      return 1;
    }
    out.println("scholar-search is serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port()
        + "/  (API under /api, description at /api/openapi.json). Ctrl-C stops it.");
    out.flush();
    // Requests are answered meanwhile; at a low priority the warm-up yields to them.
    Thread warm = Thread.ofPlatform().daemon().name("warm-up").unstarted(() -> Services.warmUpKeywordSearch(index, suggester));
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
    stopped.await();
    return 0;
  }

  /** {@code serve --engine}: the API and the web page over a cluster; nothing local is built or read. */
  private int serveCluster() throws InterruptedException {
    ClusterSearcher cluster;
    try {
      cluster = ClusterSearcher.open(EngineUrl.parse(engine));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Services services = Services.onCluster(cluster);
    if (cluster.manifest().hasVectors()) {
      services.embedder().startLoading();
    }
    Javalin app = AppFactory.create(services, new ServerOptions(cors, ServerOptions.DEFAULT.maxBodyBytes(), true));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stopped.countDown();
    }));
    if (!listen(app)) {
      return 1;
    }
    out.println("scholar-search is serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port()
        + "/  from the cluster " + cluster.url() + " (API under /api). Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** Starts listening; false, after saying why, when the address cannot be had. */
  private boolean listen(Javalin app) {
    try {
      app.start(host, port);
      return true;
    } catch (RuntimeException e) {
      err.println("error: cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "). Is another server"
          + " running there? Pick another port with --port.");
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
