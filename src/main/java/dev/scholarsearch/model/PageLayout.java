package dev.scholarsearch.model;

/** The two profile-page layouts the ingester understands. */
public enum PageLayout {
  /** Starts "Researcher profile": trust score, verification, "Published work" items headed like {@code preprint2026arXiv}. */
  TRUST_PROFILE("A", "trust-score layout"),
  /** Starts with the name: h-index, citations, "N Papers" items headed like {@code CLAug 13, 2024Code}. */
  METRICS_PROFILE("B", "metrics layout");

  private final String label;
  private final String description;

  PageLayout(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The layout in words, for people ("trust-score layout"). */
  public String description() {
    return description;
  }

  /** The short label used in reports ("A" or "B"). */
  public String label() {
    return label;
  }
}
