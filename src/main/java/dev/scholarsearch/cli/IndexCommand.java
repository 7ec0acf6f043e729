package dev.scholarsearch.cli;

import dev.scholarsearch.embed.MiniLmEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.InputFiles;
import dev.scholarsearch.ingest.ReferenceDate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code index}: reads pages and JSONL, merges, and commits a new index in one step. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
      "Index researcher profile pages (.txt) and paper collections (.jsonl, .jsonl.gz).",
      "",
      "Directories are read recursively. The index remembers its inputs: running 'index more.jsonl' later "
          + "rebuilds from the earlier inputs plus the new one, so nothing is duplicated. Use --replace to "
          + "forget the earlier inputs. The new index replaces the old one in a single commit: if the run is "
          + "interrupted, the previous index stays intact and searchable.",
      "",
      "From 20,000 papers on, the index is updated in place: papers whose record is unchanged keep their "
          + "documents (and their place in the vector graph), changed and new ones are added, and papers no "
          + "longer in the inputs are deleted. --full writes every document anew instead.",
      "",
      "Each paper's title and abstract is embedded in process (all-MiniLM-L6-v2, no network) for semantic "
          + "and hybrid search. Embeddings are cached by content, so a rebuild embeds only new or changed papers."},
    footer = {"", "Examples:",
      "  scholar index                                  # seeds/ into index/",
      "  scholar index ~/pages ~/arxiv.jsonl.gz --index /data/idx",
      "  scholar index --replace --reference-date 2026-01-01 seeds/",
      "  scholar index --no-vectors big.jsonl.gz            # lexical only: no embedding time"})
final class IndexCommand implements Callable<Integer> {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Files or directories to index (default: seeds/ of the project).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index/ of the project).")
  Path indexDir;

  @Option(names = "--replace", description = "Index only the given inputs; forget those of the previous index.")
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

  private final PrintStream out;
  private final PrintStream err;

  IndexCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Path dir = indexDir == null ? Home.defaultIndex() : indexDir.toAbsolutePath();
    Optional<IndexManifest> previous = Indexer.readManifest(dir);
    Set<Path> all = new LinkedHashSet<>();
    if (!replace) {
      previous.ifPresent(m -> m.inputs().stream().map(Path::of).filter(Files::exists).forEach(all::add));
    }
    List<Path> given = inputs.isEmpty() ? List.of(Home.defaultSeeds()) : inputs;
    given.forEach(p -> all.add(p.toAbsolutePath().normalize()));
    return build(dir, List.copyOf(all), previous);
  }

  /**
   * For {@code serve}: makes sure {@code dir} holds a current index. An existing index is rebuilt
   * from its own inputs when they changed; a missing one is built from the default inputs.
   */
  int ensureFresh(Path dir) {
    Optional<IndexManifest> previous = Indexer.readManifest(dir);
    List<Path> paths = previous.map(m -> m.inputs().stream().map(Path::of).filter(Files::exists).toList())
        .filter(l -> !l.isEmpty()).orElse(List.of(Home.defaultSeeds()));
    ifStale = true;
    // Keep the previous choice: an index built lexical-only on purpose stays lexical-only.
    noVectors = previous.map(m -> m.vectorModel().equals(IndexManifest.NO_VECTORS)).orElse(false);
    return build(dir, paths, previous);
  }

  private int build(Path dir, List<Path> paths, Optional<IndexManifest> previous) {
    InputFiles files = InputFiles.scan(paths);
    String fingerprint = files.fingerprint("schema=" + Fields.SCHEMA_VERSION
        + ";ref=" + (referenceDate == null ? "today" : referenceDate)
        + ";vectors=" + (noVectors ? IndexManifest.NO_VECTORS : MiniLmEmbedder.MODEL));
    if (ifStale && previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
      if (!quiet) {
        err.println("index " + dir + " is up to date (" + previous.get().papers() + " papers); nothing to do");
      }
      return 0;
    }

    ReferenceDate reference = referenceDate == null ? ReferenceDate.now() : new ReferenceDate(referenceDate);
    Ingester.Result result = new Ingester(reference, quiet ? s -> {} : err::println).ingest(paths);
    if (result.corpus().papers().isEmpty() && result.corpus().researchers().isEmpty()) {
      out.print(result.report().summary());
      err.println("error: nothing to index (no paper was read from " + paths + "); the existing index, if any, is unchanged");
      return 2;
    }
    Consumer<String> progress = quiet ? s -> {} : err::println;
    Path cacheDir = vectorCache == null ? dir.resolve("vector-cache") : vectorCache.toAbsolutePath();
    try (VectorCache cache = noVectors ? null : VectorCache.open(cacheDir, MiniLmEmbedder.MODEL, MiniLmEmbedder.DIMENSIONS)) {
      PaperVectors vectors = noVectors ? null
          : PaperVectors.using(MiniLmEmbedder::shared, cache, progress);
      Indexer.Build b = Indexer.build(dir, result.corpus(), paths.stream().map(Path::toString).toList(), fingerprint,
          vectors, full ? Indexer.Strategy.REWRITE : Indexer.Strategy.AUTO, progress);
      IndexManifest m = b.manifest();
      out.print(result.report().summary());
      out.println("vectors:           " + (vectors == null ? "none (--no-vectors: lexical search only)"
          : vectors.stats().summary()));
      out.println("index:             " + dir + " (" + m.papers() + " papers, " + m.researchers() + " researchers)");
      out.println("build:             " + b.summary());
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: could not write the index in " + dir + ": " + Errors.describe(e));
      err.println("The previous index, if any, is unchanged.");
      return 1;
    }
  }
}
