package dev.scholarsearch.index;

import dev.scholarsearch.model.Paper;

/** Where the indexer gets each paper's vector from: the embedding model (through the cache), or a benchmark's generator. */
public interface VectorSource {
  /** The model the vectors come from, recorded in the index so queries are embedded the same way. */
  String model();

  /** The paper's unit-length vector. */
  float[] of(Paper p);
}
