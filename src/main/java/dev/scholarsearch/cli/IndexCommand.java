package dev.scholarsearch.cli;

import dev.scholarsearch.cluster.ClusterIndexer;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.index.IndexStatus;
import dev.scholarsearch.index.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code index}: reads pages and collections, merges, and commits a new index in one step. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
      "Index researcher profile pages (.txt) and paper collections: JSON Lines, JSON, BibTeX and RIS "
          + "files, named .jsonl, .json, .bib and .ris, the JSON ones gzipped or not. OpenAlex, Semantic "
          + "Scholar, BEIR and arXiv records are told apart per record; see the README.",
      "",
      "Directories are read recursively. The index remembers its inputs: running 'index more.jsonl' later "
          + "rebuilds from the earlier inputs plus the new one, so nothing is duplicated. Use --replace to "
          + "forget the earlier inputs. The new index replaces the old one in a single commit: if the run is "
          + "interrupted, the previous index stays intact and searchable.",
      "",
      "An existing index is only ever rebuilt from its own inputs: when some of them are gone, or the index "
          + "cannot be read, nothing is changed and the command says so; --replace is then the way to start over. "
          + "Only when there is no index at all does a run with no INPUT index the sample corpus, seeds/.",
      "",
      "From 20,000 papers on, the index is updated in place: papers whose record is unchanged keep their "
          + "documents (and their place in the vector graph), changed and new ones are added, and papers no "
          + "longer in the inputs are deleted. --full writes every document anew instead.",
      "",
      "Each paper's title and abstract is embedded in process (no network) for semantic and hybrid search, "
          + "by the model the index records (--model; a new index gets " + EmbeddingModel.DEFAULT_NAME + "). Embeddings "
          + "are cached by content and model, so a rebuild embeds only new or changed papers, and switching back "
          + "to a model used before embeds nothing again."},
    footer = {"", "Examples:",
      "  scholar index                                  # seeds/ into index/",
      "  scholar index ~/pages ~/arxiv.jsonl.gz --index /data/idx",
      "  scholar index --replace --reference-date 2026-01-01 seeds/",
      "  scholar index --no-vectors big.jsonl.gz         # lexical only: no embedding",
      "  scholar index --model bge-small-en-v1.5-q@256   # re-embeds with that model"})
final class IndexCommand extends CliCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Files or directories to index (default, when there is no index yet: seeds/ of the project).")
  List<Path> inputs = new ArrayList<>();

  @Mixin
  IndexDirOption indexDir;

  @Option(names = "--replace", description = "Start over: index only the given inputs, forget those of the previous index (also the way past an index that cannot be read).")
  boolean replace;

  @Option(names = "--if-stale",
      description = "Do nothing when the index already covers the same input files, unchanged.")
  boolean ifStale;

  @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
      description = "Resolve page dates printed without a year ('Jun 3') to the latest such day on or before "
          + "this date (default: today).")
  LocalDate referenceDate;

  @Option(names = "--no-vectors",
      description = "Skip the embeddings: a lexical-only index, built much faster (semantic and hybrid search are then off).")
  boolean noVectors;

  @Option(names = "--model", paramLabel = "NAME",
      description = "The embedding model: one of ${COMPLETION-CANDIDATES} (default: the index's own model, "
          + "none for an index built with --no-vectors, " + EmbeddingModel.DEFAULT_NAME + " for a new index or with "
          + "--replace).",
      completionCandidates = ModelNames.class)
  String model;

  @Option(names = "--vector-cache", paramLabel = "DIR",
      description = "Where embeddings are cached by content hash, so unchanged papers are never embedded twice "
          + "(default: vector-cache/ inside the index directory).")
  Path vectorCache;

  @Option(names = "--full",
      description = "Write every document anew, even where an update in place would keep it (it also drops "
          + "what deleted documents leave behind in term statistics).")
  boolean full;

  @Option(names = {"-q", "--quiet"}, description = "Print no progress, only the summary.")
  boolean quiet;

  @Option(names = "--engine", paramLabel = "URL",
      description = "Build into a SolrCloud instead of a local index: solr://HOST:PORT[,HOST:PORT...]/NAME. A new "
          + "collection is built from the inputs given (default: seeds/), then the alias NAME is moved to it; from "
          + "20,000 papers on, the alias's collection is updated in place by content hash instead (--full: build anew).")
  String engine;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
      description = "With --engine: shards of the new collection (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
      description = "With --engine: copies of each shard, at most one a node (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Override
  public Integer call() {
    Path dir = indexDir.path();
    List<Path> given = inputs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    List<Path> absent = given.stream().filter(p -> !Files.exists(p)).toList();
    if (!absent.isEmpty()) {
      err.println("error: no such input: " + absent.stream().map(Path::toString).collect(Collectors.joining(", "))
          + ". Nothing was changed.");
      return 2;
    }
    RebuildService rebuild = new RebuildService(out, err);
    if (engine != null) {
      return onEngine(rebuild, given);
    }
    if (Files.isRegularFile(dir)) {
      err.println(ExistingIndex.aFile(dir));
      return 2;
    }
    IndexStatus status = IndexStatus.of(dir);
    Optional<String> foreign = ExistingIndex.othersFiles(status);
    if (foreign.isPresent()) {
      err.println(foreign.get());
      return 2;
    }
    Optional<EmbeddingModel> vectors;
    try {
      vectors = vectors(status);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + ". Nothing was changed.");
      return 2;
    }
    RebuildService.Options options = new RebuildService.Options(referenceDate, vectors, vectorCache, full, quiet, ifStale);
    if (replace) {
      if (given.isEmpty()) {
        err.println("error: --replace starts the index over from the inputs given, and none was given. Name them "
            + "(the sample corpus: scholar index --replace " + Home.defaultSeeds() + ").");
        return 2;
      }
      if (status instanceof IndexStatus.Unreadable) {
        try {
          Indexer.discardCommits(dir);
        } catch (IOException e) {
          err.println("error: cannot clear the unreadable index in " + dir + ": " + Errors.describe(e));
          return 1;
        }
      }
      return rebuild.build(dir, given, status.readableManifest(), options);
    }
    return switch (status) {
      // Only the very first run, with no index at all, falls back to the sample corpus.
      case IndexStatus.Missing m -> rebuild.build(dir, given.isEmpty() ? List.of(Home.defaultSeeds()) : given,
          Optional.empty(), options);
      case IndexStatus.Unreadable u -> {
        err.println(ExistingIndex.unreadable(u).replace(" INPUT...;", " INPUT... (the given inputs only);"));
        yield 1;
      }
      case IndexStatus.InputsMissing m -> {
        err.println("error: " + ExistingIndex.inputsGone(m) + ". Nothing was changed. Restore them; or rebuild from "
            + "the given inputs only: scholar index --replace" + (indexDir.isDefault() ? "" : " --index " + dir)
            + " INPUT...; or index into another --index DIR.");
        yield 1;
      }
      case IndexStatus.Ready r -> {
        Set<Path> all = new LinkedHashSet<>();
        r.manifest().inputs().forEach(i -> all.add(Path.of(i)));
        all.addAll(given);
        if (all.isEmpty()) {
          err.println("error: the index in " + dir + " remembers no inputs, and none was given; name the inputs to index.");
          yield 2;
        }
        yield rebuild.build(dir, List.copyOf(all), Optional.of(r.manifest()), options);
      }
    };
  }

  /** {@code index --engine}: a new collection from the inputs given, the alias swapped to it. */
  private int onEngine(RebuildService rebuild, List<Path> given) {
    EngineUrl url;
    ClusterIndexer.Layout layout;
    Optional<EmbeddingModel> vectors;
    try {
      url = EngineUrl.parse(engine);
      layout = new ClusterIndexer.Layout(shards, replicas);
      if (noVectors && model != null) {
        throw new IllegalArgumentException("--no-vectors builds without embeddings, so --model " + model
            + " has nothing to do; give one or the other");
      }
      vectors = noVectors ? Optional.empty() : Optional.of(model == null ? EmbeddingModel.DEFAULT : EmbeddingModel.parse(model));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + ". Nothing was changed.");
      return 2;
    }
    RebuildService.Options options = new RebuildService.Options(referenceDate, vectors, vectorCache, full, quiet, false);
    Path cache = vectorCache != null ? vectorCache.toAbsolutePath() : indexDir.path().resolve("vector-cache");
    return rebuild.buildOnEngine(url, given.isEmpty() ? List.of(Home.defaultSeeds()) : given, options, cache, layout);
  }

  /**
   * The model to embed with: the one asked for, else the index's own (unless starting over; a
   * lexical-only index stays lexical-only, rather than spend an hour embedding unasked), else the
   * default.
   */
  private Optional<EmbeddingModel> vectors(IndexStatus status) {
    if (noVectors && model != null) {
      throw new IllegalArgumentException("--no-vectors builds an index without embeddings, so --model " + model
          + " has nothing to do; give one or the other");
    }
    if (noVectors) {
      return Optional.empty();
    }
    if (model != null) {
      return Optional.of(EmbeddingModel.parse(model));
    }
    return status.readableManifest().filter(m -> !replace)
        .map(RebuildService.Options::modelOf).orElse(Optional.of(EmbeddingModel.DEFAULT));
  }

  /** The known models, for --help. */
  static final class ModelNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return EmbeddingModel.KNOWN.stream().map(EmbeddingModel::name).iterator();
    }
  }
}
