package dev.scholarsearch.rank;

import dev.scholarsearch.model.AuthorLink;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.ProfileSnapshot;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything known about one researcher.
 *
 * @param profiles what each profile page said (name, tagline, stats), one entry per page
 * @param papers their papers, newest first: the newest 200 when there are more (paperCount says how many);
 *     co-authors, categories, terms and years are counted over these
 * @param coauthors the people they wrote with, most shared papers first
 * @param terms the words that set their work apart (tf-idf over their titles and abstracts)
 * @param papersPerYear paper counts by year, oldest first
 * @param identifiers their ORCID, OpenAlex and Semantic Scholar ids (and JSONL ids), each with its page
 * @param nameVariants the spellings of their name the sources used, most used first
 */
public record ResearcherProfile(String id, String name, List<Identifier.Link> identifiers, List<String> nameVariants,
    boolean hasProfile, List<ProfileSnapshot> profiles,
    int paperCount, List<PaperSummary> papers, List<Coauthor> coauthors, List<Count> topCategories, List<String> terms,
    List<Count> papersPerYear) {

  public ResearcherProfile {
    identifiers = List.copyOf(identifiers);
    nameVariants = List.copyOf(nameVariants);
    profiles = List.copyOf(profiles);
    papers = List.copyOf(papers);
    coauthors = List.copyOf(coauthors);
    topCategories = List.copyOf(topCategories);
    terms = List.copyOf(terms);
    papersPerYear = List.copyOf(papersPerYear);
  }

  /** A paper in a list. */
  public record PaperSummary(String id, String title, Integer year, LocalDate date, List<AuthorLink> authors,
      List<String> categories, String venue, boolean hasCode) {}

  /** A co-author and how many papers they share. */
  public record Coauthor(String id, String name, int sharedPapers) {}

  /** A value and how often it occurs. */
  public record Count(String value, int count) {}
}
