package dev.scholarsearch.model;

/**
 * Statistics of a layout-A page: "Trust 21 - Emerging", "Verification L1", "Unclaimed author",
 * then counts of works, followers, topics and close collaborators.
 */
public record TrustStats(
    int trustScore,
    String trustLabel,
    String verificationLevel,
    String claimStatus,
    int works,
    int followers,
    int topics,
    int collaborators)
    implements ProfileStats {

  @Override
  public int declaredPaperCount() {
    return works;
  }
}
