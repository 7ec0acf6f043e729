package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import java.util.List;
import java.util.Set;

/**
 * What the researcher resolver needs of a merged paper, and no more: its merged paper and listings
 * are put aside before the researchers are made, so that the two do not share the heap.
 *
 * @param paperId the paper's id
 * @param authors the merged authors, in order
 * @param spellings every spelling the listings gave each author, the kept one first; null when each
 *     author has only the name shown, as on nearly every paper
 * @param pages the profile pages that list the paper
 */
record Byline(String paperId, List<Author> authors, List<List<String>> spellings, Set<Integer> pages) {

  /** The spellings of the author at {@code i}, the kept one first. */
  List<String> spellings(int i) {
    return spellings == null ? List.of(authors.get(i).name()) : spellings.get(i);
  }
}
