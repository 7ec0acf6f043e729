package dev.scholarsearch.cli;


import dev.scholarsearch.bench.Benchmark;
import dev.scholarsearch.bench.Latencies;
import dev.scholarsearch.bench.LoadTest;
import dev.scholarsearch.http.AppFactory;
import dev.scholarsearch.http.ServerOptions;
import dev.scholarsearch.http.Services;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loadtest}: a bounded load test of every endpoint on loopback. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
    description = {"Serve an existing index on a loopback port and send it a mix of every endpoint from "
          + "N concurrent clients for a fixed time; report requests, errors, p50 and p99 per endpoint, and the "
          + "server's heap before and after. Traffic stays on 127.0.0.1 and stops by itself."},
    footer = {"", "Example:", "  scholar loadtest --index target/bench/ours-100000 --clients 16,64 --seconds 60"})
final class LoadTestCommand extends CliCommand {
  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--clients", split = ",", paramLabel = "N", defaultValue = "16,64", description = "Client counts, one run each (default: ${DEFAULT-VALUE}).")
  List<Integer> clients = new ArrayList<>();

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Length of each run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || seconds > 3600) {
      err.println("error: --seconds must be between 1 and 3600, got " + seconds);
      return 2;
    }
    Path dir = indexDir.path();
    if (!indexDir.readable(err)) {
      return 1;
    }
    try (LiveIndex index = LiveIndex.open(dir, Duration.ofHours(1)); Suggester suggester = new Suggester(index)) {
      Javalin app = AppFactory.create(Services.over(index, suggester),
          new ServerOptions(List.of(), ServerOptions.DEFAULT.maxBodyBytes(), false)).start("127.0.0.1", 0);
      try {
        LoadTest test = LoadTest.over(index, "http://127.0.0.1:" + app.port(), 3);
        test.run(4, Math.min(10, seconds)); // warm-up
        double heapBefore = Benchmark.heapMiB(s -> {});
        long totalErrors = 0;
        for (int c : clients) {
          LoadTest.Outcome o = test.run(c, seconds);
          out.printf("## %d clients, %d s (index %s)%n", c, seconds, dir);
          out.println("| endpoint | requests | errors | p50 ms | p99 ms | req/s |");
          out.println("|---|---|---|---|---|---|");
          for (Map.Entry<String, Latencies> e : o.latencies().entrySet()) {
            long errors = o.errors().get(e.getKey()).get();
            totalErrors += errors;
            Latencies l = e.getValue();
            out.printf("| %s | %d | %s | %.1f | %.1f | %.1f |%n", e.getKey(), l.count(),
                errors == 0 ? "0" : errors + " (status " + o.errorStatuses().get(e.getKey()) + ")", l.percentileMs(50),
                l.percentileMs(99), l.qps());
          }
          out.println();
        }
        double heapAfter = Benchmark.heapMiB(s -> {});
        out.printf("server heap in use after GC: %.0f MiB before the runs, %.0f MiB after%n", heapBefore, heapAfter);
        out.println("(status 503 is a request stopped by the query time budget: the server shedding load, not failing)");
        return totalErrors == 0 ? 0 : 1;
      } finally {
        app.stop();
      }
    }
  }
}
