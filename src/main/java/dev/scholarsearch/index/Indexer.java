package dev.scholarsearch.index;

import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * Writes a corpus into an index directory as one Lucene commit. Until that commit the previous
 * index stays the one readers see, so a crash or {@code kill -9} mid-build leaves it intact, and
 * a running server swaps to the new one only when it is complete.
 *
 * <p>A large corpus updates the index in place (see {@link Strategy}): a document whose content is
 * unchanged keeps its segment, its postings and its place in the vector graph, so re-indexing a
 * million papers after one file changed costs about what reading the corpus costs, with or
 * without vectors.
 */
public final class Indexer {
  private static final int PROGRESS_EVERY = 50_000;
  /** From this many papers on, documents are built and added on all cores. */
  static final int PARALLEL_FROM = 20_000;
  /**
   * From this many papers on, {@link Strategy#AUTO} updates in place. Below it a rewrite takes
   * seconds, keeps document order (so ties rank the same every build), keeps term statistics free
   * of deleted documents, and no segment is large enough for an HNSW graph anyway
   * ({@link VectorFormats#GRAPH_THRESHOLD}).
   */
  public static final int UPDATE_FROM = 20_000;

  /** What to do with an index already in the directory. */
  public enum Strategy {
    /** Write every document anew. */
    REWRITE,
    /**
     * Keep the documents whose {@link ContentHash} the new corpus produces again; add the others
     * and delete the documents it no longer produces. Falls back to a rewrite when there is no
     * index of the current schema to update.
     */
    UPDATE,
    /** {@link #UPDATE} from {@link #UPDATE_FROM} papers on, {@link #REWRITE} below. */
    AUTO
  }

  /**
   * What one build did: the manifest it committed, whether it updated the previous index in place,
   * and how many paper documents it kept, added and deleted (a changed paper is one of each).
   */
  public record Build(IndexManifest manifest, boolean updated, int keptPapers, int addedPapers, int deletedPapers,
      double seconds) {
    /** One line for the index summary. */
    public String summary() {
      return updated
          ? String.format("updated in place in %.1f s: %,d papers unchanged and kept, %,d added, %,d deleted", seconds,
              keptPapers, addedPapers, deletedPapers)
          : String.format("written anew in %.1f s: %,d papers", seconds, addedPapers);
    }
  }

  private Indexer() {}

  /** Replaces the index in {@code dir} with the corpus; returns the manifest it committed. */
  public static IndexManifest write(Path dir, Corpus corpus, List<String> inputs, String fingerprint,
      Consumer<String> progress) throws IOException {
    return write(dir, corpus, inputs, fingerprint, null, progress);
  }

  /**
   * Replaces the index in {@code dir} with the corpus, each paper with its vector from {@code vectors}
   * (none when it is null); returns the manifest it committed.
   */
  public static IndexManifest write(Path dir, Corpus corpus, List<String> inputs, String fingerprint,
      VectorSource vectors, Consumer<String> progress) throws IOException {
    return build(dir, corpus, inputs, fingerprint, vectors, Strategy.AUTO, progress).manifest();
  }

  /**
   * Makes the index in {@code dir} hold exactly the corpus, each paper with its vector from
   * {@code vectors} (none when it is null), rewriting it or updating it in place as {@code strategy}
   * says. Either way the result is one commit.
   */
  public static Build build(Path dir, Corpus corpus, List<String> inputs, String fingerprint, VectorSource vectors,
      Strategy strategy, Consumer<String> progress) throws IOException {
    return build(dir, corpus, inputs, fingerprint, vectors, VectorFormats.DEFAULT, strategy, progress);
  }

  /** The same, with the vectors written in {@code formats} (benchmarks try others). */
  public static Build build(Path dir, Corpus corpus, List<String> inputs, String fingerprint, VectorSource vectors,
      VectorFormats formats, Strategy strategy, Consumer<String> progress) throws IOException {
    // HNSW merges on several threads get a pool of their own for this build, closed with it.
    try (ExecutorService merges = formats.mergeWorkers() > 1 ? Executors.newFixedThreadPool(formats.mergeWorkers(),
        r -> new Thread(r, "hnsw-merge")) : null) {
      return build(dir, corpus, inputs, fingerprint, vectors, formats.codec(merges), strategy, progress);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      removeAbandonedFiles(dir, e);
      throw e;
    }
  }

  /**
   * After a build failed, deletes the segment files it wrote that no commit refers to: a writer
   * opened on the directory does so, and is rolled back. Without this a build that filled the disk
   * left it full until the next successful one (the last commit, the one served, is not touched).
   */
  private static void removeAbandonedFiles(Path dir, Throwable failure) {
    IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(false);
    try (Directory directory = new MMapDirectory(dir)) {
      new IndexWriter(directory, config).rollback();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e); // the build's own failure is the one to report
    }
  }

  private static Build build(Path dir, Corpus corpus, List<String> inputs, String fingerprint, VectorSource vectors,
      org.apache.lucene.codecs.Codec codec, Strategy strategy, Consumer<String> progress) throws IOException {
    Files.createDirectories(dir);
    long start = System.nanoTime();
    int total = corpus.papers().size();
    boolean update = switch (strategy) {
      case REWRITE -> false;
      case UPDATE -> true;
      case AUTO -> total >= UPDATE_FROM;
    } && hasCurrentSchema(dir);
    DocumentBuilder builder = new DocumentBuilder();
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
        .setOpenMode(update ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
        .setCodec(codec)
        .setRAMBufferSizeMB(256)
        .setCommitOnClose(false);
    try (Directory directory = new MMapDirectory(dir)) {
      IndexWriter writer = new IndexWriter(directory, config);
      Throwable failed = null;
      try {
        Set<BytesRef> before = update ? liveHashes(writer) : Set.of();
        String model = vectors == null ? "" : vectors.model();
        // Small corpora keep document order, so ties rank the same every build.
        boolean parallel = total >= PARALLEL_FROM;
        List<Paper> papers = corpus.papers();
        // An update hashes every paper first, to know which to keep; a rewrite adds them all, and
        // each document hashes the record it stores as it is built.
        BytesRef[] hashes = new BytesRef[update ? total : 0];
        OnAllCores.forEach(hashes.length, parallel, i -> hashes[i] = ContentHash.of(papers.get(i), model));
        List<Integer> toAdd = IntStream.range(0, total).filter(i -> !update || !before.contains(hashes[i])).boxed()
            .toList();
        if (vectors != null) {
          // Only the papers that get a new document need a vector: the kept ones have theirs in the index.
          // A view, not a copy: each paper is put together as it is read (its abstract from disk).
          vectors.prepare(new AbstractList<>() {
            @Override
            public Paper get(int i) {
              return papers.get(toAdd.get(i));
            }

            @Override
            public int size() {
              return toAdd.size();
            }
          });
        }
        addPapers(writer, builder, papers, toAdd, vectors, parallel, progress);
        Set<BytesRef> after = new HashSet<>(Arrays.asList(hashes));
        addResearchers(writer, builder, corpus, before, after, parallel);
        if (parallel) {
          flushInParallel(writer);
        }
        int deleted = deleteAllBut(writer, before, after);
        IndexManifest manifest = new IndexManifest(inputs, fingerprint, Instant.now(), corpus.papers().size(),
            corpus.researchers().size(), vectors == null ? IndexManifest.NO_VECTORS : vectors.model());
        writer.setLiveCommitData(manifest.toUserData().entrySet());
        progress.accept("committing");
        writer.commit();
        return new Build(manifest, update, total - toAdd.size(), toAdd.size(), deleted,
            (System.nanoTime() - start) / 1e9);
      } catch (Throwable t) {
        failed = t;
        throw t;
      } finally {
        if (failed != null && causedByOutOfMemory(failed)) {
          rollBackInTheBackground(writer);
        } else {
          writer.close();
        }
      }
    }
  }

  /**
   * After the heap ran out, Lucene's own rollback may have died of it half done, and close() then
   * waits for it for ever (seen at -Xmx60m over 20,000 papers). Nothing was committed, so the last
   * commit is intact; the rollback is left to a daemon thread, which lets the process exit.
   */
  private static void rollBackInTheBackground(IndexWriter writer) {
    try {
      Thread t = new Thread(() -> {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException | Error ignored) {
          // the build has failed already; this only frees the writer's files and lock if it can
        }
      }, "rollback-after-oom");
      t.setDaemon(true);
      t.start();
    } catch (OutOfMemoryError noThreadEither) {
      // then the process ends with the writer as it is, which the next build's writer cleans up
    }
  }

  /** Whether the heap running out is what {@code t} comes down to. */
  public static boolean causedByOutOfMemory(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** Adds the papers at {@code toAdd}, with progress every {@link #PROGRESS_EVERY}. */
  private static void addPapers(IndexWriter writer, DocumentBuilder builder, List<Paper> papers, List<Integer> toAdd,
      VectorSource vectors, boolean parallel, Consumer<String> progress) {
    String model = vectors == null ? "" : vectors.model();
    long start = System.nanoTime();
    AtomicInteger n = new AtomicInteger();
    Consumer<Integer> add = i -> {
      Paper p = papers.get(i);
      try {
        writer.addDocument(builder.paper(p, vectors == null ? null : vectors.of(p), model));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int done = n.incrementAndGet();
      if (done % PROGRESS_EVERY == 0) {
        double secs = (System.nanoTime() - start) / 1e9;
        progress.accept(String.format("indexed %,d of %,d papers (%.0f/s, about %.0f s left)", done, toAdd.size(),
            done / secs, (toAdd.size() - done) / (done / secs)));
      }
    };
    OnAllCores.forEach(toAdd.size(), parallel, i -> add.accept(toAdd.get(i))); // IndexWriter takes many threads' documents
  }

  /**
   * Adds the researchers whose document is not among {@code before}, and puts every researcher's
   * hash into {@code after}; on all cores for a large corpus.
   */
  private static void addResearchers(IndexWriter writer, DocumentBuilder builder, Corpus corpus, Set<BytesRef> before,
      Set<BytesRef> after, boolean parallel) {
    List<Researcher> researchers = corpus.researchers();
    BytesRef[] hashes = new BytesRef[researchers.size()];
    IntConsumer add = i -> {
      Researcher r = researchers.get(i);
      String record = RecordJson.write(r);
      hashes[i] = ContentHash.ofResearcherRecord(record);
      if (!before.contains(hashes[i])) {
        try {
          writer.addDocument(builder.researcher(r, record, hashes[i]));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    OnAllCores.forEach(hashes.length, parallel, add);
    after.addAll(Arrays.asList(hashes));
  }

  /**
   * Writes the documents still in memory to segments on every core: a commit would flush them all
   * on its own thread, one after the other (4 of the 86k corpus's 31 seconds, on 2 cores).
   */
  private static void flushInParallel(IndexWriter writer) {
    int threads = Runtime.getRuntime().availableProcessors();
    OnAllCores.forEach(threads, true, t -> {
      try {
        while (writer.flushNextBuffer()) {
          // each call writes one thread's buffer; a false means none is left
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Deletes the documents of {@code before} the new corpus no longer produces; returns how many were papers. */
  private static int deleteAllBut(IndexWriter writer, Set<BytesRef> before, Set<BytesRef> after) throws IOException {
    int papers = 0;
    for (BytesRef hash : before) {
      if (!after.contains(hash)) {
        writer.deleteDocuments(new Term(Fields.CONTENT_HASH, hash));
        papers += ContentHash.isPaper(hash) ? 1 : 0;
      }
    }
    return papers;
  }

  /** Whether {@code dir} holds an index written with this schema, which an update can keep adding to. */
  private static boolean hasCurrentSchema(Path dir) {
    try (Directory directory = new MMapDirectory(dir)) {
      return DirectoryReader.indexExists(directory) && Integer.toString(Fields.SCHEMA_VERSION)
          .equals(SegmentInfos.readLatestCommit(directory).getUserData().get("schema"));
    } catch (IOException damaged) {
      return false; // the caller chose to replace it (index --replace): write it anew
    }
  }

  /** The content hashes of the documents of the index being updated that are not deleted. */
  private static Set<BytesRef> liveHashes(IndexWriter writer) throws IOException {
    Set<BytesRef> hashes = new HashSet<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      PostingsEnum postings = null;
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Fields.CONTENT_HASH);
        if (terms == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum te = terms.iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live == null || live.get(d)) {
              hashes.add(BytesRef.deepCopyOf(term));
              break;
            }
          }
        }
      }
    }
    return hashes;
  }

  /**
   * Deletes the commit points of an index that cannot be read, so that a rewrite can start over in
   * its directory; Lucene then removes the files they referenced. Only for a user's explicit
   * {@code --replace}: nothing else deletes an index.
   */
  public static void discardCommits(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(IndexFileNames.SEGMENTS)
          || f.getFileName().toString().startsWith(IndexFileNames.PENDING_SEGMENTS)).toList()) {
        Files.delete(f);
      }
    }
  }

  /** The manifest kept in a commit's user data; fails when there is none or it is damaged. */
  public static IndexManifest manifestOf(Map<String, String> userData) {
    return IndexManifest.fromUserData(userData);
  }
}
