package dev.scholarsearch.cli;


import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.eval.Baselines;
import dev.scholarsearch.eval.Evaluation;
import dev.scholarsearch.eval.Metric;
import dev.scholarsearch.eval.Qrels;
import dev.scholarsearch.eval.Run;
import dev.scholarsearch.eval.Task;
import dev.scholarsearch.eval.Topics;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.IndexStatus;
import dev.scholarsearch.index.Similarities;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.cluster.ClusterExperts;
import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.cluster.ClusterSimilar;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.similar.SimilarPapers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eval}: relevance of search, similar papers and researcher ranking against TREC judgments. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure ranking quality against TREC judgments, the way trec_eval -c averages them "
          + "(over the topics that have judgments). Each topic runs through the same code the HTTP API uses.",
      "",
      "Tasks: search (topics: qid<TAB>query; qrels judge paper ids), similar (topics: qid<TAB>paperId; "
          + "the paper itself is never a hit), researchers (topics: qid<TAB>topic; qrels judge author keys, the "
          + "name lower-cased with everything but a-z removed)."},
    footer = {"", "Example (CACM, shipped under src/test/resources/cacm):",
      "  scholar index --replace --index /tmp/cacm src/test/resources/cacm/corpus.jsonl",
      "  scholar eval --task search --index /tmp/cacm \\",
      "      --topics src/test/resources/cacm/topics.tsv \\",
      "      --qrels src/test/resources/cacm/qrels.txt --baseline",
      "",
      "Example (a BEIR collection: indexed into /tmp/scifact on the first run):",
      "  scholar eval --task search --collection ~/beir/scifact \\",
      "      --index /tmp/scifact --baseline"})
final class EvalCommand extends CliCommand {
  @Option(names = "--task", required = true, paramLabel = "TASK", description = "search, similar or researchers.")
  String task;

  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--collection", paramLabel = "DIR",
      description = "A test collection in one directory: corpus.jsonl, queries.jsonl and qrels/test.tsv as BEIR "
          + "lays it out, or corpus.jsonl, topics.tsv and qrels.txt as our CACM copy does. When the index "
          + "directory does not exist yet, its corpus is indexed there first, once; later runs reuse it.")
  Path collection;

  @Option(names = "--model", paramLabel = "NAME",
      description = "With --collection: the embedding model to index the corpus with (default: "
          + EmbeddingModel.DEFAULT_NAME + ", or the index's own).")
  String model;

  @Option(names = "--topics", paramLabel = "FILE",
      description = "Topics: qid<TAB>text lines, or BEIR queries.jsonl (default: the collection's).")
  Path topicsFile;

  @Option(names = "--qrels", paramLabel = "FILE",
      description = "Judgments: TREC 'qid 0 docid gain', or BEIR 'query-id corpus-id score' (default: the collection's).")
  Path qrelsFile;

  @Option(names = "--run", paramLabel = "OUT", description = "Write our ranking as a TREC run file (and OUT.baseline with --baseline).")
  Path runFile;

  @Option(names = "--metrics", paramLabel = "LIST", defaultValue = "ndcg@10,map,p@10,recall@100",
      description = "Comma-separated: map, ndcg@K, p@K, recall@K. Default: ${DEFAULT-VALUE}")
  String metrics;

  @Option(names = "--baseline", description = "Also run the plain BM25 baseline on the same index and compare.")
  boolean baseline;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "lexical, semantic or hybrid (default: hybrid when the index has vectors, else lexical).")
  String mode;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Try another ranking setting (repeatable); the settings are listed below.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--engine", paramLabel = "URL",
      description = "Evaluate on a SolrCloud collection built by 'index --engine' instead of a local index: "
          + "solr://HOST:PORT[,HOST:PORT...]/NAME. With --baseline, the baseline runs on --index.")
  String engine;

  private static final Duration EVAL_BUDGET = Duration.ofMinutes(10);

  @Override
  public Integer call() throws IOException {
    Task t = Arrays.stream(Task.values()).filter(x -> x.name().equalsIgnoreCase(task.strip())).findFirst().orElse(null);
    if (t == null) {
      err.println("error: --task must be search, similar or researchers, got '" + task + "'");
      return 2;
    }
    List<Metric> ms;
    Tuning tuning;
    Optional<SearchMode> searchMode;
    try {
      searchMode = SearchMode.parse(mode);
      ms = Arrays.stream(metrics.split(",")).filter(s -> !s.isBlank()).map(Metric::parse).toList();
      tuning = Tuning.with(settings);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (InvalidRequestException e) {
      err.println("error: --" + e.getMessage());
      return 2;
    }
    Path dir = indexDir.path();
    EvalCollection c;
    try {
      c = collection == null ? null : EvalCollection.in(collection);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Optional<Path[]> files = topicsAndQrels(c);
    if (files.isEmpty()) {
      return 2;
    }
    if (engine != null) {
      return onEngine(t, ms, searchMode, dir, Topics.read(files.get()[0]), Qrels.read(files.get()[1]));
    }
    int built = c == null ? 0 : ensureIndexed(c, dir, searchMode);
    if (built != 0) {
      return built;
    }
    if (!indexDir.readable(err)) {
      return 1;
    }
    return evaluate(t, ms, tuning, searchMode, dir, Topics.read(files.get()[0]), Qrels.read(files.get()[1]));
  }

  /** The topics and judgments files: the ones given, else the collection's ({@code c}, may be null); empty after saying why not. */
  private Optional<Path[]> topicsAndQrels(EvalCollection c) {
    Path topicsPath = topicsFile != null ? topicsFile : c == null ? null : c.topics();
    Path qrelsPath = qrelsFile != null ? qrelsFile : c == null ? null : c.qrels();
    if (topicsPath == null || qrelsPath == null) {
      err.println("error: give --topics FILE and --qrels FILE, or --collection DIR");
      return Optional.empty();
    }
    return Optional.of(new Path[] {topicsPath, qrelsPath});
  }

  /** {@code eval --engine}: keyword search's run on the cluster, and the baseline on the local index when asked. */
  private int onEngine(Task t, List<Metric> ms, Optional<SearchMode> searchMode, Path dir, Map<String, String> topics,
      Qrels qrels) throws IOException {
    ClusterSearcher cluster;
    try {
      cluster = ClusterSearcher.open(EngineUrl.parse(engine));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    long start = System.nanoTime();
    Map<String, List<Run.Scored>> results = new LinkedHashMap<>();
    for (Map.Entry<String, String> topic : topics.entrySet()) {
      List<Run.Scored> ranked = new java.util.ArrayList<>();
      try {
        if (t == Task.SEARCH) {
          cluster.rank(topic.getValue(), dev.scholarsearch.search.SearchFilters.NONE, Task.DEPTH, searchMode)
              .forEach(p -> ranked.add(new Run.Scored(p.id(), p.score())));
        } else if (t == Task.SIMILAR) {
          new ClusterSimilar(cluster).ranking(topic.getValue(), dev.scholarsearch.search.SearchFilters.NONE,
              Task.DEPTH, searchMode).orElse(List.of()).forEach(h -> ranked.add(new Run.Scored(h.id(), h.score())));
        } else {
          // As Task.ours counts researchers: by name key, the first (best) of namesakes.
          java.util.Set<String> seen = new java.util.HashSet<>();
          for (dev.scholarsearch.rank.Expert e : new ClusterExperts(cluster).ranking(topic.getValue(),
              dev.scholarsearch.search.SearchFilters.NONE, dev.scholarsearch.rank.ExpertRanker.Scope.ALL, Task.DEPTH,
              searchMode)) {
            if (seen.add(dev.scholarsearch.eval.AuthorKey.of(e.name()))) {
              ranked.add(new Run.Scored(dev.scholarsearch.eval.AuthorKey.of(e.name()), e.score()));
            }
          }
        }
      } catch (InvalidRequestException e) {
        // A topic the API would refuse gets an empty ranking, as locally.
      }
      results.put(topic.getKey(), ranked);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    Run ours = new Run("scholar-search-cluster", results);
    Map<String, Double> oursScores = Evaluation.evaluate(ours, qrels, ms);
    out.printf("task %s, mode %s, on %s: %d topics, %d with judgments%n", t.name().toLowerCase(Locale.ROOT),
        searchMode.map(SearchMode::label).orElse("default"), cluster.url(), topics.size(),
        topics.keySet().stream().filter(qrels::judged).count());
    if (runFile != null) {
      ours.write(runFile);
    }
    if (baseline && indexDir.readable(err)) {
      compare(t, dir, topics, qrels, ms, oursScores);
    } else {
      out.printf("%-12s %10s%n", "metric", "ours");
      for (Metric m : ms) {
        out.printf("%-12s %10.4f%n", m.name(), oursScores.get(m.name()));
      }
    }
    out.printf("time: %.1f s for %d topics (ours, on the cluster)%n", secs, topics.size());
    return 0;
  }

  /** Runs the task's topics through our systems (and the baseline) and prints the figures. */
  private int evaluate(Task t, List<Metric> ms, Tuning tuning, Optional<SearchMode> searchMode, Path dir,
      Map<String, String> topics, Qrels qrels) throws IOException {
    // An evaluation measures rankings, not speed: no topic may be cut short by the server's 2 s budget
    // on a busy machine (a kNN search past it now fails rather than returning less).
    try (LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofHours(1))
        .similarity(tuning.bm25().similarity()).budget(EVAL_BUDGET))) {
      PaperSearcher papers = new PaperSearcher(index, tuning.search(), tuning.hybrid());
      Task.Systems systems = new Task.Systems(papers,
          new SimilarPapers(index, papers.kernel(), tuning.similar(), tuning.similarFusion()),
          new ExpertRanker(index, papers.kernel(), tuning.experts()));
      String modeLabel;
      try {
        papers.prepareFor(searchMode);
        modeLabel = index.search(s -> papers.modeFor(s, searchMode)).label();
      } catch (InvalidRequestException e) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      long start = System.nanoTime();
      Run ours = t.ours(systems, topics, searchMode);
      double oursSecs = (System.nanoTime() - start) / 1e9;
      Map<String, Double> oursScores = Evaluation.evaluate(ours, qrels, ms);
      long judged = topics.keySet().stream().filter(qrels::judged).count();
      out.printf("task %s, mode %s: %d topics, %d with judgments; index %s%n", t.name().toLowerCase(Locale.ROOT),
          modeLabel, topics.size(), judged, dir);
      if (runFile != null) {
        ours.write(runFile);
      }
      if (baseline) {
        compare(t, dir, topics, qrels, ms, oursScores);
      } else {
        out.printf("%-12s %10s%n", "metric", "ours");
        for (Metric m : ms) {
          out.printf("%-12s %10.4f%n", m.name(), oursScores.get(m.name()));
        }
      }
      out.printf("time: %.1f s for %d topics (ours)%n", oursSecs, topics.size());
      return 0;
    }
  }

  /**
   * Makes {@code dir} an index of the collection's corpus: builds it when missing, when another
   * {@code --model} is asked for, or when the mode needs vectors it lacks (a lexical run builds
   * none); refuses an index of anything else, which it never replaces.
   */
  private int ensureIndexed(EvalCollection c, Path dir, Optional<SearchMode> searchMode) {
    Optional<EmbeddingModel> asked;
    try {
      asked = model == null ? Optional.empty() : Optional.of(EmbeddingModel.parse(model));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    IndexStatus status = IndexStatus.of(dir);
    Optional<String> foreign = ExistingIndex.othersFiles(status);
    if (foreign.isPresent()) {
      err.println(foreign.get());
      return 2;
    }
    Optional<IndexManifest> previous = status.readableManifest();
    if (previous.isPresent() && !previous.get().inputs().equals(List.of(c.corpus().toString()))) {
      err.println("error: the index in " + dir + " holds " + previous.get().inputs() + ", not " + c.corpus()
          + "; give --index DIR for the collection's own index (a new directory is built on the first run)");
      return 2;
    }
    boolean lexical = searchMode.equals(Optional.of(SearchMode.LEXICAL));
    Optional<EmbeddingModel> vectors = asked.isPresent() || !lexical
        ? Optional.of(asked.orElse(previous.flatMap(IndexManifest::embeddingModel).orElse(EmbeddingModel.DEFAULT)))
        : Optional.empty();
    if (previous.isPresent() && (vectors.isEmpty() || previous.get().vectorModel().equals(vectors.get().name()))) {
      return 0;
    }
    if (status instanceof IndexStatus.Unreadable u) {
      err.println(ExistingIndex.unreadable(u));
      return 1;
    }
    err.println("indexing " + c.corpus() + " into " + dir + " (once: later runs reuse it)");
    RebuildService.Options options = new RebuildService.Options(null, vectors, null, false, true, false);
    return new RebuildService(err, err).build(dir, List.of(c.corpus()), previous, options);
  }

  /** The plain BM25 baseline on the same index and topics, and ours against it, metric by metric. */
  private void compare(Task t, Path dir, Map<String, String> topics, Qrels qrels, List<Metric> ms,
      Map<String, Double> oursScores) throws IOException {
    Run base;
    try (LiveIndex plain = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofHours(1))
        .similarity(Similarities.BASELINE.similarity()).budget(EVAL_BUDGET))) {
      base = t.baseline(new Baselines(plain), topics);
    }
    Map<String, Double> baseScores = Evaluation.evaluate(base, qrels, ms);
    if (runFile != null) {
      base.write(Path.of(runFile + ".baseline"));
    }
    out.printf("%-12s %10s %10s %9s%n", "metric", "baseline", "ours", "change");
    for (Metric m : ms) {
      double b = baseScores.get(m.name());
      double o = oursScores.get(m.name());
      out.printf("%-12s %10.4f %10.4f %+8.1f%%%n", m.name(), b, o, b == 0 ? 0 : 100 * (o - b) / b);
    }
  }
}
