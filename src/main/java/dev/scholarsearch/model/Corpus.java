package dev.scholarsearch.model;

import java.util.List;
import java.util.RandomAccess;

/** Merged papers and researchers, ready to index. */
public record Corpus(List<Paper> papers, List<Researcher> researchers) {
  public Corpus {
    papers = papers instanceof BuiltOnDemand ? papers : List.copyOf(papers);
    researchers = List.copyOf(researchers);
  }

  /**
   * An unmodifiable list whose papers are put together when asked for, from a compact form (their
   * abstracts on disk): a large corpus would not fit in the heap whole. Kept as given, not copied.
   */
  public interface BuiltOnDemand extends List<Paper>, RandomAccess {}
}
