package dev.scholarsearch.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the vector field is stored. The codec is only needed to write: each segment records its
 * per-field format by name, so readers open it with Lucene's default codec.
 */
public final class VectorFormats {
  /** System property that picks the HNSW format: "int8" (scalar-quantized, the default) or "float32". */
  public static final String PROPERTY = "scholar.vectors.format";

  private VectorFormats() {}

  /** The vector format this JVM writes with. */
  public static KnnVectorsFormat format() {
    String name = System.getProperty(PROPERTY, "int8");
    return switch (name) {
      case "int8" -> new Lucene104HnswScalarQuantizedVectorsFormat();
      case "float32" -> new Lucene99HnswVectorsFormat();
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
