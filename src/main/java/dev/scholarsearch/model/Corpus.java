package dev.scholarsearch.model;

import java.util.List;

/** Merged papers and researchers, ready to index. */
public record Corpus(List<Paper> papers, List<Researcher> researchers) {
  public Corpus {
    papers = List.copyOf(papers);
    researchers = List.copyOf(researchers);
  }
}
