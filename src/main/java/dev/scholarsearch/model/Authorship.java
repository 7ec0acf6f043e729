package dev.scholarsearch.model;

import java.util.Objects;

/** An author of a paper: the name as printed and the researcher it resolved to. */
public record Authorship(String name, String researcherId) {
  public Authorship {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(researcherId, "researcherId");
  }
}
