package dev.scholarsearch.index;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * How the vector field is stored. The codec is only needed to write: each segment records its
 * per-field format by name, so readers open it with Lucene's default codec.
 *
 * @param format "int8" (scalar-quantized: a quarter of the bytes, the default) or "float32"
 * @param graphThreshold Lucene's tiny-segment threshold, see {@link #GRAPH_THRESHOLD}
 * @param maxConn the HNSW graph's neighbours per node
 * @param beamWidth the HNSW graph's candidate list while it is built
 * @param mergeWorkers threads for one HNSW merge; more than one needs an executor from the writer
 */
public record VectorFormats(String format, int graphThreshold, int maxConn, int beamWidth, int mergeWorkers) {
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
   * What every index is written with. Lucene's graph defaults: the other settings were measured for
   * the rewrite of 100,000 papers and not adopted (docs/BENCHMARKS.md; beamWidth 50 was faster
   * to build at a recall no one has measured yet).
   */
  public static final VectorFormats DEFAULT = new VectorFormats("int8", GRAPH_THRESHOLD,
      Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, 1);

  public VectorFormats {
    if (!format.equals("int8") && !format.equals("float32")) {
      throw new IllegalArgumentException("the vector format must be int8 or float32, got '" + format + "'");
    }
    if (graphThreshold < 0 || maxConn < 1 || beamWidth < 1 || mergeWorkers < 1) {
      throw new IllegalArgumentException("graph settings must be positive: threshold " + graphThreshold + ", maxConn "
          + maxConn + ", beamWidth " + beamWidth + ", merge workers " + mergeWorkers);
    }
  }

  public VectorFormats withFormat(String f) {
    return new VectorFormats(f, graphThreshold, maxConn, beamWidth, mergeWorkers);
  }

  public VectorFormats withGraphThreshold(int t) {
    return new VectorFormats(format, t, maxConn, beamWidth, mergeWorkers);
  }

  public VectorFormats withGraph(int newMaxConn, int newBeamWidth, int workers) {
    return new VectorFormats(format, graphThreshold, newMaxConn, newBeamWidth, workers);
  }

  /** The vector format, its merges run on {@code mergeExec} when {@link #mergeWorkers()} is over one. */
  KnnVectorsFormat knnFormat(ExecutorService mergeExec) {
    ExecutorService exec = mergeWorkers > 1 ? mergeExec : null;
    int workers = exec == null ? 1 : mergeWorkers;
    return format.equals("int8")
        ? new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, maxConn, beamWidth, workers, exec,
            graphThreshold)
        : new Lucene99HnswVectorsFormat(maxConn, beamWidth, workers, exec, graphThreshold);
  }

  /** Lucene's default codec with this vector format for the vector field. */
  Codec codec(ExecutorService mergeExec) {
    KnnVectorsFormat vectors = knnFormat(mergeExec);
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }

  /** One line for benchmark reports. */
  public String describe() {
    return String.format("%s, graph threshold %d, maxConn %d, beamWidth %d, %d merge worker%s", format, graphThreshold,
        maxConn, beamWidth, mergeWorkers, mergeWorkers == 1 ? "" : "s");
  }
}
