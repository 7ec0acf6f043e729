package dev.scholarsearch.model;

import java.util.List;

/**
 * An author as every response shows one, wherever a paper appears (search and similar hits, a
 * paper, a researcher's papers): the name as printed, the researcher it resolved to, and that
 * researcher's address in the API, so a client links every name the same way.
 */
public record AuthorLink(String name, String id, String href) {
  public static AuthorLink of(Authorship a) {
    return new AuthorLink(a.name(), a.researcherId(), "/api/researchers/" + a.researcherId());
  }

  public static List<AuthorLink> of(List<Authorship> authors) {
    return authors.stream().map(AuthorLink::of).toList();
  }

}
