package dev.scholarsearch.cli;

import dev.scholarsearch.cluster.ClusterIndexer;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.cluster.SolrHttp;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.IndexStatus;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.InputFiles;
import dev.scholarsearch.ingest.ReferenceDate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds an index from its inputs: what {@code index} and {@code serve} share. It never rebuilds an
 * existing index from anything but its own inputs; replacing one is the caller's explicit choice.
 */
record RebuildService(PrintStream out, PrintStream err) {
  /**
   * How to build: the options {@code index} takes on the command line, and {@code serve} keeps from
   * the last build.
   *
   * @param vectors the model that embeds the papers; empty for a lexical-only index
   */
  record Options(LocalDate referenceDate, Optional<EmbeddingModel> vectors, Path vectorCache, boolean full,
      boolean quiet, boolean ifStale) {
    /** What {@code serve} rebuilds with: the index's own choice of vectors, and only when its inputs changed. */
    static Options forServe(IndexManifest previous) {
      // An index built lexical-only on purpose stays lexical-only, and one built with a model keeps it.
      return new Options(null, modelOf(previous), null, false, false, true);
    }

    static final Options FIRST_RUN = new Options(null, Optional.of(EmbeddingModel.DEFAULT), null, false, false, false);

    /** The model {@code m}'s vectors come from: empty for a lexical-only index, the default for one it does not know. */
    static Optional<EmbeddingModel> modelOf(IndexManifest m) {
      return m.vectorModel().equals(IndexManifest.NO_VECTORS) ? Optional.empty()
          : Optional.of(EmbeddingModel.named(m.vectorModel()).orElse(EmbeddingModel.DEFAULT));
    }
  }

  /**
   * For {@code serve}: makes sure {@code dir} holds an index to serve, and returns 0 when it does. A
   * missing index is built from the sample corpus; an existing one is rebuilt from its own inputs
   * when they changed, and served as it is when some of them are gone or the rebuild fails.
   */
  int ensureServable(Path dir) {
    return switch (IndexStatus.of(dir)) {
      case IndexStatus.Missing m -> {
        Optional<String> foreign = ExistingIndex.othersFiles(m);
        if (foreign.isPresent()) {
          err.println(foreign.get());
          yield 2;
        }
        err.println("no index in " + dir + " yet: building one from the sample corpus in " + Home.defaultSeeds());
        yield build(dir, List.of(Home.defaultSeeds()), Optional.empty(), Options.FIRST_RUN);
      }
      case IndexStatus.Unreadable u -> {
        err.println(ExistingIndex.unreadable(u));
        yield java.nio.file.Files.isRegularFile(u.dir()) ? 2 : 1; // a file for --index is a usage error, as for index
      }
      case IndexStatus.InputsMissing m -> {
        err.println("warning: " + ExistingIndex.inputsGone(m) + "; serving the index as it is, without rebuilding it");
        yield 0;
      }
      case IndexStatus.Ready r -> {
        List<Path> inputs = r.manifest().inputs().stream().map(Path::of).toList();
        if (inputs.isEmpty()) {
          yield 0; // built from no remembered inputs (by a test, say): nothing to compare it with
        }
        int code = build(dir, inputs, Optional.of(r.manifest()), Options.forServe(r.manifest()));
        if (code != 0) {
          err.println("warning: the rebuild failed (see above); serving the index in " + dir + " as it was");
        }
        yield 0;
      }
    };
  }

  /**
   * Builds what {@code paths} give into a new collection of the cluster at {@code engine} and swaps
   * its alias to it; returns the exit code. Embeddings are cached in {@code cacheDir} as for a local
   * index, so a rebuild embeds only new or changed papers.
   */
  int buildOnEngine(EngineUrl engine, List<Path> paths, Options options, Path cacheDir, ClusterIndexer.Layout layout) {
    try {
      return buildOnEngineOrRunOut(engine, paths, options, cacheDir, layout);
    } catch (OutOfMemoryError | RuntimeException e) {
      if (!Errors.outOfMemory(e)) {
        throw e;
      }
      return outOfMemory("The alias " + engine.name() + ", if it existed, still points at the collection it did.");
    }
  }

  private int buildOnEngineOrRunOut(EngineUrl engine, List<Path> paths, Options options, Path cacheDir,
      ClusterIndexer.Layout layout) {
    Consumer<String> progress = options.quiet() ? s -> {} : err::println;
    Read read = ingest(paths, options, progress, "the cluster is unchanged");
    if (read.result().isEmpty()) {
      return read.exitCode();
    }
    Ingester.Result result = read.result().get();
    String fingerprint = fingerprint(InputFiles.scan(paths), options);
    EmbeddingModel model = options.vectors().orElse(null);
    try (VectorCache cache = model == null ? null : VectorCache.open(cacheDir, model.name(), model.dimensions())) {
      PaperVectors vectors = model == null ? null : PaperVectors.using(() -> OnnxEmbedder.shared(model), cache, progress);
      ClusterIndexer.Build b = ClusterIndexer.build(new SolrHttp(engine), result.corpus(),
          paths.stream().map(Path::toString).toList(), fingerprint, vectors,
          model == null ? EmbeddingModel.DEFAULT.dimensions() : model.dimensions(), layout,
          options.full() ? Indexer.Strategy.REWRITE : Indexer.Strategy.AUTO, progress);
      out.print(result.report().summary());
      out.println("vectors:           " + (vectors == null ? "none (built without vectors: lexical search only)"
          : vectors.stats().summary()));
      out.println("engine:            " + engine + " (" + b.manifest().papers() + " papers, " + b.manifest().researchers()
          + " researchers)");
      out.println("build:             " + b.summary());
      return 0;
    } catch (IOException | RuntimeException e) {
      String unchanged = "The alias " + engine.name() + ", if it existed, still points at the collection it did.";
      if (Errors.outOfMemory(e)) {
        return outOfMemory(unchanged);
      }
      err.println("error: could not build the collection on " + engine + ": " + Errors.describe(e));
      err.println(unchanged);
      return 1;
    }
  }

  /**
   * Makes {@code dir} hold exactly what {@code paths} give; returns the exit code. When
   * {@code options.ifStale()} and {@code previous} was built from the same files, does nothing.
   */
  int build(Path dir, List<Path> paths, Optional<IndexManifest> previous, Options options) {
    try {
      return buildOrRunOut(dir, paths, previous, options);
    } catch (OutOfMemoryError | RuntimeException e) {
      if (!Errors.outOfMemory(e)) {
        throw e;
      }
      // Nothing is committed before the end, so the index on disk is the one before; a server that
      // was rebuilding goes on serving it, the failed build's memory free again.
      return outOfMemory("The previous index, if any, is unchanged.");
    }
  }

  /**
   * The message for a build that ran out of heap, with a figure to try: the merge holds each
   * paper's ids and authors and each researcher being resolved (about 1 KB a paper at its peak,
   * measured on a million papers; the rest waits on disk), and writing adds a 256 MB buffer.
   */
  private int outOfMemory(String unchanged) {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    long suggest = Math.max(2, (2 * mb + 1023) / 1024);
    err.println("error: out of memory: this corpus needs more heap than the JVM's " + mb + " MB (merging papers and "
        + "researchers takes about 1 KB a paper, and writing a 256 MB buffer for the index); run it with more, for example "
        + "SCHOLAR_JAVA_OPTS=-Xmx" + suggest + "g ./scholar ...");
    err.println(unchanged);
    return 1;
  }

  private int buildOrRunOut(Path dir, List<Path> paths, Optional<IndexManifest> previous, Options options) {
    String fingerprint = fingerprint(InputFiles.scan(paths), options);
    if (options.ifStale() && previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
      if (!options.quiet()) {
        err.println("index " + dir + " is up to date (" + previous.get().papers() + " papers); nothing to do");
      }
      return 0;
    }
    Consumer<String> progress = options.quiet() ? s -> {} : err::println;
    Read read = ingest(paths, options, progress, "the existing index, if any, is unchanged");
    if (read.result().isEmpty()) {
      return read.exitCode();
    }
    Ingester.Result result = read.result().get();
    Path cacheDir = options.vectorCache() == null ? dir.resolve("vector-cache") : options.vectorCache().toAbsolutePath();
    EmbeddingModel model = options.vectors().orElse(null);
    try (VectorCache cache = model == null ? null : VectorCache.open(cacheDir, model.name(), model.dimensions())) {
      PaperVectors vectors = model == null ? null : PaperVectors.using(() -> OnnxEmbedder.shared(model), cache, progress);
      Indexer.Build b = Indexer.build(dir, result.corpus(), paths.stream().map(Path::toString).toList(), fingerprint,
          vectors, options.full() ? Indexer.Strategy.REWRITE : Indexer.Strategy.AUTO, progress);
      IndexManifest m = b.manifest();
      out.print(result.report().summary());
      out.println("vectors:           " + (vectors == null ? "none (built without vectors: lexical search only)"
          : vectors.stats().summary()));
      out.println("index:             " + dir + " (" + m.papers() + " papers, " + m.researchers() + " researchers)");
      out.println("build:             " + b.summary() + (vectors != null && vectors.stats().embedded() > 0
          ? " (the embedding and model loading above included)" : ""));
      return 0;
    } catch (IOException | RuntimeException e) {
      if (Errors.outOfMemory(e)) {
        return outOfMemory("The previous index, if any, is unchanged.");
      }
      err.println("error: could not write the index in " + dir + ": " + Errors.describe(e));
      err.println("The previous index, if any, is unchanged.");
      return 1;
    }
  }

  /** What the inputs and the options give an index: its manifest's fingerprint, compared by --if-stale. */
  private static String fingerprint(InputFiles files, Options options) {
    return files.fingerprint("schema=" + Fields.SCHEMA_VERSION
        + ";ref=" + (options.referenceDate() == null ? "today" : options.referenceDate())
        + ";vectors=" + options.vectors().map(EmbeddingModel::name).orElse(IndexManifest.NO_VECTORS));
  }

  /** What reading gave: the corpus, or none and the exit code that says why (the error is printed). */
  private record Read(Optional<Ingester.Result> result, int exitCode) {}

  /** The inputs read and merged; none, after saying so, when they hold nothing to index or the disk failed. */
  private Read ingest(List<Path> paths, Options options, Consumer<String> progress, String unchanged) {
    ReferenceDate reference = options.referenceDate() == null ? ReferenceDate.now()
        : new ReferenceDate(options.referenceDate());
    Ingester.Result result;
    try {
      result = new Ingester(reference, progress).ingest(paths);
    } catch (UncheckedIOException e) { // the disk that holds the abstracts while reading
      err.println("error: " + Errors.describe(e) + "; " + unchanged);
      return new Read(Optional.empty(), 1);
    }
    if (result.corpus().papers().isEmpty() && result.corpus().researchers().isEmpty()) {
      out.print(result.report().summary());
      err.println("error: nothing to index (no paper was read from " + paths + "); " + unchanged);
      return new Read(Optional.empty(), 2);
    }
    return new Read(Optional.of(result), 0);
  }
}
