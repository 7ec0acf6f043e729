package dev.scholarsearch.cli;

import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.cluster.EngineFailure;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.search.FacetValue;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stats}: what the index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what the index holds: papers, researchers, inputs, build time, size and top facet values.")
final class StatsCommand extends CliCommand {
  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--engine", paramLabel = "URL",
      description = "Show what a SolrCloud collection built by 'index --engine' holds: solr://HOST:PORT[,HOST:PORT...]/NAME.")
  String engine;

  @Override
  public Integer call() {
    if (engine != null) {
      return onEngine();
    }
    Path dir = indexDir.path();
    if (!indexDir.readable(err)) {
      return 1;
    }
    try (LiveIndex index = LiveIndex.open(dir, Duration.ofHours(1))) {
      IndexOverview o = IndexOverview.of(index, PaperSearcher.withExactFacets(index));
      out.printf("index:        %s%n", o.path());
      out.printf("built:        %s%n", o.manifest().builtAt());
      out.printf("papers:       %d%n", o.papers());
      out.printf("researchers:  %d (%d with a profile page)%n", o.researchers(), o.researchersWithProfiles());
      out.printf("size:         %.1f MiB (%.0f bytes per paper)%n", o.sizeBytes() / 1048576.0,
          o.papers() == 0 ? 0.0 : (double) o.sizeBytes() / o.papers());
      out.printf("vectors:      %s%n", o.manifest().hasVectors()
          ? o.manifest().vectorModel() + " (semantic and hybrid search on; hybrid is the default)"
          : "none (lexical search only; index --model " + EmbeddingModel.DEFAULT_NAME + " adds them)");
      out.println("inputs:");
      o.manifest().inputs().forEach(i -> out.println("  " + i));
      for (Map.Entry<String, List<FacetValue>> e : o.topFacets().entrySet()) {
        if (e.getValue().isEmpty()) {
          continue; // no paper has a value there (no venue in the pages, say)
        }
        out.printf("top %-9s %s%n", e.getKey() + ":", e.getValue().stream()
            .map(v -> v.value() + " (" + v.count() + ")").collect(Collectors.joining(", ")));
      }
      return 0;
    } catch (IOException e) {
      err.println("error: cannot open the index in " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private int onEngine() {
    try {
      ClusterSearcher cluster = ClusterSearcher.open(EngineUrl.parse(engine));
      ClusterSearcher.Overview o = cluster.overview();
      out.printf("engine:       %s%n", cluster.url());
      out.printf("collection:   %s (%d shards x %d replicas, %d of %d replicas active; %d live nodes)%n", o.collection(),
          o.shards(), o.replicas(), o.activeReplicas(), o.shards() * o.replicas(), o.liveNodes().size());
      out.printf("built:        %s%n", cluster.manifest().builtAt());
      out.printf("papers:       %d%n", o.papers());
      out.printf("researchers:  %d (%d with a profile page)%n", o.researchers(), o.researchersWithProfiles());
      out.printf("vectors:      %s%n", cluster.manifest().hasVectors() ? cluster.manifest().vectorModel()
          : "none (built with --no-vectors)");
      out.println("inputs:");
      cluster.manifest().inputs().forEach(i -> out.println("  " + i));
      SearchResult listing = cluster.search(new SearchRequest("", SearchFilters.NONE, SortOrder.NEWEST, 0, 1, false,
          false, 5, SearchMode.LEXICAL));
      for (Map.Entry<String, List<FacetValue>> e : listing.facets().entrySet()) {
        if (!e.getValue().isEmpty()) {
          out.printf("top %-9s %s%n", e.getKey() + ":", e.getValue().stream()
              .map(v -> v.value() + " (" + v.count() + ")").collect(Collectors.joining(", ")));
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | EngineFailure e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
