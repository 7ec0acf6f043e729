package dev.scholarsearch.model;

import java.util.List;
import java.util.RandomAccess;

/** Merged papers and researchers, ready to index. */
public record Corpus(List<Paper> papers, List<Researcher> researchers) {
  public Corpus {
    papers = papers instanceof BuiltOnDemand ? papers : List.copyOf(papers);
    researchers = researchers instanceof BuiltOnDemand ? researchers : List.copyOf(researchers);
  }

  /**
   * An unmodifiable list whose papers or researchers are put together when asked for, from a
   * compact form on disk: a large corpus would not fit in the heap whole. Kept as given, not copied.
   */
  public interface BuiltOnDemand<T> extends List<T>, RandomAccess {}
}
