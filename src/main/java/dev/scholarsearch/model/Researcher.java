package dev.scholarsearch.model;

import java.util.List;
import java.util.Objects;

/**
 * A researcher: every profile owner and every author named on any paper.
 *
 * @param id stable across runs, derived from the name (and, for namesakes, from their papers)
 * @param name display name
 * @param nameKey the normalised name used for matching
 * @param profiles what each profile page said about them; empty when they have no profile
 * @param paperIds ids of the papers they are an author of
 * @param ids their identifiers (ORCID, OpenAlex, Semantic Scholar, JSONL id); empty for a name-only researcher
 * @param nameVariants every spelling of their name the sources used, most used first
 */
public record Researcher(String id, String name, String nameKey, List<ProfileSnapshot> profiles, List<String> paperIds,
    List<Identifier> ids, List<String> nameVariants) {

  public Researcher {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameKey, "nameKey");
    profiles = List.copyOf(profiles);
    paperIds = List.copyOf(paperIds);
    ids = ids == null ? List.of() : ids.stream().distinct().sorted().toList(); // null: a record stored before ids
    nameVariants = nameVariants == null ? List.of(name) : List.copyOf(nameVariants);
  }

  /** A researcher known by one name and no identifier. */
  public Researcher(String id, String name, String nameKey, List<ProfileSnapshot> profiles, List<String> paperIds) {
    this(id, name, nameKey, profiles, paperIds, List.of(), List.of(name));
  }

  /** Whether at least one profile page describes this researcher. */
  public boolean hasProfile() {
    return !profiles.isEmpty();
  }
}
