package dev.scholarsearch.index;

import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * Writes a corpus into an index directory as one Lucene commit. Until that commit the previous
 * index stays the one readers see, so a crash or {@code kill -9} mid-build leaves it intact, and
 * a running server swaps to the new one only when it is complete.
 */
public final class Indexer {
  private static final int PROGRESS_EVERY = 50_000;
  /** From this many papers on, documents are built and added on all cores. */
  static final int PARALLEL_FROM = 20_000;

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
    Files.createDirectories(dir);
    DocumentBuilder builder = new DocumentBuilder();
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCodec(VectorFormats.codec())
        .setRAMBufferSizeMB(256)
        .setCommitOnClose(false);
    try (Directory directory = new MMapDirectory(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      long start = System.nanoTime();
      AtomicInteger n = new AtomicInteger();
      int total = corpus.papers().size();
      Consumer<Paper> add = p -> {
        try {
          writer.addDocument(builder.paper(p, vectors == null ? null : vectors.of(p)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        int done = n.incrementAndGet();
        if (done % PROGRESS_EVERY == 0) {
          double secs = (System.nanoTime() - start) / 1e9;
          progress.accept(String.format("indexed %,d of %,d papers (%.0f/s, about %.0f s left)", done, total,
              done / secs, (total - done) / (done / secs)));
        }
      };
      if (total < PARALLEL_FROM) {
        corpus.papers().forEach(add); // small corpora keep document order, so ties rank the same every build
      } else {
        corpus.papers().parallelStream().forEach(add); // IndexWriter takes documents from many threads
      }
      Map<String, String> titles = new java.util.HashMap<>();
      corpus.papers().forEach(p -> titles.put(p.id(), p.title()));
      for (Researcher r : corpus.researchers()) {
        writer.addDocument(builder.researcher(r, titles::get));
      }
      IndexManifest manifest = new IndexManifest(inputs, fingerprint, Instant.now(), corpus.papers().size(),
          corpus.researchers().size(), vectors == null ? IndexManifest.NO_VECTORS : vectors.model());
      writer.setLiveCommitData(manifest.toUserData().entrySet());
      progress.accept("committing");
      writer.commit();
      return manifest;
    }
  }

  /** The manifest kept in a commit's user data. */
  public static IndexManifest manifestOf(Map<String, String> userData) {
    return IndexManifest.fromUserData(userData);
  }

  /** The manifest of the index in {@code dir}, if there is a readable index there. */
  public static Optional<IndexManifest> readManifest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Directory directory = new MMapDirectory(dir)) {
      if (!DirectoryReader.indexExists(directory)) {
        return Optional.empty();
      }
      SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
      return Optional.of(IndexManifest.fromUserData(infos.getUserData()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
