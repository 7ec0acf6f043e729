package dev.scholarsearch.index;

import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.List;

/** Where the indexer gets each paper's vector from: the embedding model (through the cache), or a benchmark's generator. */
public interface VectorSource {
  /** The model the vectors come from, recorded in the index so queries are embedded the same way. */
  String model();

  /**
   * Called by the indexer once, before any {@link #of}, with exactly the papers it will ask vectors
   * for: those that get a new document (an update keeps the others' documents, vectors and all).
   */
  default void prepare(List<Paper> papers) throws IOException {}

  /** The paper's unit-length vector. */
  float[] of(Paper p);
}
