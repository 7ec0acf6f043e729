package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import java.util.List;
import java.util.Set;

/**
 * What the researcher resolver needs of a merged paper, and no more: its merged paper and listings
 * are put aside before the researchers are made, so that the two do not share the heap.
 *
 * <p>The authors are held as plain arrays of names and identifier lists, not as {@link Author}
 * records: a million-paper corpus has about four million authors, and their records alone took
 * about 100 MB of the merge's peak.
 */
final class Byline {
  private final String paperId;
  private final String[] names;
  /** Each author's identifiers, in author order; null when no author has any, as on most papers. */
  private final List<Identifier>[] ids;
  /**
   * Every spelling the listings gave each author, the kept one first; null when each author has only
   * the name shown, as on nearly every paper.
   */
  private final List<List<String>> spellings;
  private final Set<Integer> pages;

  /**
   * @param paperId the paper's id
   * @param authors the merged authors, in order
   * @param spellings each author's spellings, or null when each has only the name shown
   * @param pages the profile pages that list the paper
   */
  @SuppressWarnings("unchecked")
  Byline(String paperId, List<Author> authors, List<List<String>> spellings, Set<Integer> pages) {
    this.paperId = paperId;
    this.names = new String[authors.size()];
    List<Identifier>[] ids = null;
    for (int i = 0; i < names.length; i++) {
      Author a = authors.get(i);
      names[i] = a.name();
      if (a.identified()) {
        if (ids == null) {
          ids = (List<Identifier>[]) new List<?>[names.length];
          java.util.Arrays.fill(ids, List.of());
        }
        ids[i] = a.ids();
      }
    }
    this.ids = ids;
    this.spellings = spellings;
    this.pages = pages;
  }

  String paperId() {
    return paperId;
  }

  Set<Integer> pages() {
    return pages;
  }

  /** How many authors the paper has. */
  int size() {
    return names.length;
  }

  /** The name shown for the author at {@code i}. */
  String name(int i) {
    return names[i];
  }

  /** The identifiers of the author at {@code i}, sorted; empty for an author known by name only. */
  List<Identifier> ids(int i) {
    return ids == null ? List.of() : ids[i];
  }

  boolean identified(int i) {
    return !ids(i).isEmpty();
  }

  /** The spellings of the author at {@code i}, the kept one first. */
  List<String> spellings(int i) {
    return spellings == null ? List.of(names[i]) : spellings.get(i);
  }
}
