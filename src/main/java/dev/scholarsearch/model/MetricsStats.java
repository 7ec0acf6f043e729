package dev.scholarsearch.model;

/**
 * Statistics of a layout-B page: primary category code, h-index, paper and citation counts,
 * novelty percentage and the site's "AI Score".
 */
public record MetricsStats(
    String primaryCategory,
    int hIndex,
    int papers,
    int citations,
    int noveltyPercent,
    int aiScore,
    int listedPapers)
    implements ProfileStats {

  /** Layout B states the listed count twice ("15papers" and "15 Papers"); the list heading is what we compare. */
  @Override
  public int declaredPaperCount() {
    return listedPapers;
  }
}
