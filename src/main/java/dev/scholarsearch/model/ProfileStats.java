package dev.scholarsearch.model;

/** The statistics block of a profile page; which one depends on the page layout. */
public sealed interface ProfileStats permits TrustStats, MetricsStats {
  /** The number of papers the page says it lists ("6works", "15 Papers"). */
  int declaredPaperCount();
}
