package dev.scholarsearch.model;

/** The two profile-page layouts the ingester understands. */
public enum PageLayout {
  /** Starts "Researcher profile": trust score, verification, "Published work" items headed like {@code preprint2026arXiv}. */
  TRUST_PROFILE("A"),
  /** Starts with the name: h-index, citations, "N Papers" items headed like {@code CLAug 13, 2024Code}. */
  METRICS_PROFILE("B");

  private final String label;

  PageLayout(String label) {
    this.label = label;
  }

  /** The short label used in reports ("A" or "B"). */
  public String label() {
    return label;
  }
}
