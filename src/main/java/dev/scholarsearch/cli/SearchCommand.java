package dev.scholarsearch.cli;


import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.cluster.EngineFailure;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.embed.ModelNotReadyException;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.QueryTimeoutException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperHit;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.YearRange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: runs a keyword query against the index and prints the top hits. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search titles and abstracts and print the top papers: id, year, title and authors.",
      "",
      "Query syntax: words (any may match, more is better), \"exact phrase\", +must, -not, a | b, "
          + "prefix*, fuzzy~1, \"phrase\"~3, and fielded terms title:word, abstract:\"a phrase\", author:zhu."},
    footer = {"", "Examples:",
      "  scholar search \"reinforcement learning\"",
      "  scholar search 'author:zhu +agents' --limit 5",
      "  scholar search 'federated' --category LG --year 2025-",
      "  scholar search '' --venue arXiv --limit 5   # a venue's newest papers"})
final class SearchCommand extends CliCommand {
  @Parameters(paramLabel = "QUERY", description = "The query.")
  String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to print, 1-100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--author", paramLabel = "NAME", description = "Only papers by this author (repeatable: any of them).")
  List<String> authors = new ArrayList<>();

  @Option(names = "--category", paramLabel = "CODE", description = "Only papers in this category (repeatable).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--venue", paramLabel = "VENUE", description = "Only papers from this venue (repeatable).")
  List<String> venues = new ArrayList<>();

  @Option(names = "--type", paramLabel = "TYPE", description = "Only papers of this type, e.g. preprint (repeatable).")
  List<String> types = new ArrayList<>();

  @Option(names = "--has-code", description = "Only papers that link to their code.")
  boolean hasCode;

  @Option(names = "--year", paramLabel = "RANGE", description = "2024, 2020-2024, 2020- or -2019.")
  String year;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
      description = "Skip this many hits first, for the next page (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance, date or -date.")
  String sort;

  @Option(names = "--exact", description = "Search the unstemmed fields.")
  boolean exact;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "lexical for words, semantic for meaning, or hybrid for both fused. Default: hybrid when the index has vectors.")
  String mode;

  @Option(names = "--query-budget", paramLabel = "MS", defaultValue = "2000",
      description = "Stop the search after this many milliseconds and fail (default: ${DEFAULT-VALUE}). Loading the "
          + "embedding model, once per run, does not count against it.")
  long queryBudgetMs;

  @Option(names = "--engine", paramLabel = "URL",
      description = "Search a SolrCloud collection built by 'index --engine' instead of a local index: "
          + "solr://HOST:PORT[,HOST:PORT...]/NAME.")
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
    if (queryBudgetMs < 1) {
      err.println("error: --query-budget must be at least 1 ms, got " + queryBudgetMs);
      return 2;
    }
    try (LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofHours(1))
        .budget(Duration.ofMillis(queryBudgetMs)))) {
      SearchRequest req = request();
      print(new PaperSearcher(index).search(req));
      return 0;
    } catch (InvalidRequestException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (QueryTimeoutException e) {
      err.println("error: " + e.getMessage() + " (--query-budget MS allows more)");
      return 1;
    } catch (ModelNotReadyException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("error: cannot open the index in " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private SearchRequest request() {
    SearchFilters filters = new SearchFilters(authors, categories, venues, types,
        year == null ? YearRange.ANY : YearRange.parse(year), hasCode);
    return new SearchRequest(query, filters, SortOrder.parse(sort), offset, limit, exact, false, 0,
        SearchMode.parse(mode));
  }

  /** {@code search --engine}: the same search on a cluster. */
  private int onEngine() {
    try {
      SearchRequest req = request();
      print(ClusterSearcher.open(EngineUrl.parse(engine)).search(req));
      return 0;
    } catch (InvalidRequestException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | EngineFailure e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private void print(SearchResult r) {
    // An empty query lists papers newest first: there is no relevance, so no score to print.
    boolean listing = query.isBlank();
    // Without facets Lucene counts exactly only so far (then it skips what cannot reach the top):
    // a lower bound says so, rather than pass for the count.
    out.printf("%s%d %s %s%s%n", r.totalRelation().equals("gte") ? "at least " : "", r.total(),
        r.total() == 1 ? "paper" : "papers",
        listing ? "listed, newest first" : "match (" + r.mode() + ")",
        r.hits().isEmpty() ? "." : offset == 0 ? "; top " + r.hits().size() + ":"
            : String.format("; %d to %d:", offset + 1, offset + r.hits().size()));
    int rank = offset + 1;
    for (PaperHit h : r.hits()) {
      out.printf("%2d. %-16s %s  %s%n", rank++, h.id(), h.year() != null ? h.year() : "----", h.title());
      out.printf("    %s%s%n", h.authors().stream().map(dev.scholarsearch.model.AuthorLink::name).collect(java.util.stream.Collectors.joining(", ")), listing ? "" : String.format("   (score %.3f, matched by %s%s)",
          h.score(), h.matchedBy().equals("both") ? "words and meaning" : h.matchedBy().equals("lexical") ? "words"
              : "meaning", h.similarity() == null ? "" : String.format(", similarity %.2f", h.similarity())));
    }
  }
}
