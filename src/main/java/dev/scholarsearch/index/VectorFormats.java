package dev.scholarsearch.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * How the vector field is stored. The codec is only needed to write: each segment records its
 * per-field format by name, so readers open it with Lucene's default codec.
 */
public final class VectorFormats {
  /** System property that picks the HNSW format: "int8" (scalar-quantized, the default) or "float32". */
  public static final String PROPERTY = "scholar.vectors.format";

  private VectorFormats() {}

  /** Threads for HNSW merges when {@code -Dscholar.vectors.mergeWorkers} asks for more than one. */
  private static final ExecutorService MERGE_EXEC = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "hnsw-merge");
        t.setDaemon(true);
        return t;
      });

  /**
   * Lucene's tiny-segment threshold T: a segment of n vectors gets an HNSW graph only when
   * {@code n > T ln n}. Lucene's default (100) builds one from 648 vectors; 2,000 builds one from
   * about 19,800. Below that an exact scan of the 8-bit vectors costs a few milliseconds, less than
   * a 1,000-deep graph search visits anyway, and building the graph was most of a rebuild of a
   * small corpus whose vectors all come from the cache (docs/BENCHMARKS.md). Larger segments, and
   * merges that grow past it, get their graph as before.
   */
  public static final int GRAPH_THRESHOLD = 2_000;

  /**
   * The vector format this JVM writes with. Besides {@link #PROPERTY}, system properties
   * {@code scholar.vectors.graphThreshold}, {@code .maxConn}, {@code .beamWidth} and
   * {@code .mergeWorkers} override the graph's build parameters, for benchmarks (docs/BENCHMARKS.md).
   */
  public static KnnVectorsFormat format() {
    String name = System.getProperty(PROPERTY, "int8");
    int threshold = Integer.getInteger("scholar.vectors.graphThreshold", GRAPH_THRESHOLD);
    int maxConn = Integer.getInteger("scholar.vectors.maxConn", Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN);
    int beamWidth = Integer.getInteger("scholar.vectors.beamWidth", Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH);
    int workers = Integer.getInteger("scholar.vectors.mergeWorkers", 1);
    ExecutorService exec = workers > 1 ? MERGE_EXEC : null;
    return switch (name) {
      case "int8" -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE,
          maxConn, beamWidth, workers, exec, threshold);
      case "float32" -> new Lucene99HnswVectorsFormat(maxConn, beamWidth, workers, exec, threshold);
      default -> throw new IllegalArgumentException(PROPERTY + " must be int8 or float32, got '" + name + "'");
    };
  }

  /** Lucene's default codec with {@link #format()} for the vector field. */
  public static Codec codec() {
    KnnVectorsFormat vectors = format();
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }
}
