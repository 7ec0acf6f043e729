package dev.scholarsearch.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an ingest run read, merged and skipped: the basis of the summary {@code index} prints.
 *
 * @param pagesByLayout parsed pages per layout label ("A", "B")
 * @param otherRecords records found in JSON, BibTeX and RIS files
 * @param researchersIdentified researchers keyed by an identifier (ORCID, OpenAlex, Semantic Scholar, JSONL id)
 * @param skipped files and lines not read, each with its reason
 * @param warnings problems in files that were still read (count mismatches, odd lines)
 */
public record IngestReport(
    int filesRead,
    Map<String, Integer> pagesByLayout,
    int jsonlLines,
    int otherRecords,
    CorpusBuilder.Stats merge,
    int papers,
    int researchers,
    int researchersWithProfiles,
    int researchersIdentified,
    List<Problem> skipped,
    List<Problem> warnings,
    Duration elapsed) {

  /** A file (and line, if any) and what was wrong with it. */
  public record Problem(String where, String reason) {
    @Override
    public String toString() {
      return where + ": " + reason;
    }
  }

  public IngestReport {
    pagesByLayout = Map.copyOf(pagesByLayout);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** The multi-line summary printed at the end of {@code index}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("files read:        %d%n", filesRead));
    sb.append(String.format("pages parsed:      %d (trust-score layout: %d, metrics layout: %d)%n",
        pagesByLayout.values().stream().mapToInt(Integer::intValue).sum(),
        pagesByLayout.getOrDefault("A", 0), pagesByLayout.getOrDefault("B", 0)));
    sb.append(String.format("JSONL lines:       %d%n", jsonlLines));
    if (otherRecords > 0) {
      sb.append(String.format("other records:     %d (JSON, BibTeX, RIS)%n", otherRecords));
    }
    sb.append(String.format("papers:            %d (from %d listings; %d %s merged, %d %s merged)%n",
        papers, merge.listings(), merge.duplicatesMerged(), plural(merge.duplicatesMerged(), "duplicate", "duplicates"),
        merge.versionsMerged(), plural(merge.versionsMerged(), "version", "versions")));
    sb.append(String.format("researchers:       %d (%d with a profile; %d profile %s merged into another%s)%n",
        researchers, researchersWithProfiles, merge.profilesMerged(), plural(merge.profilesMerged(), "page", "pages"),
        researchersIdentified == 0 ? "" : "; " + researchersIdentified + " known by an identifier"));
    sb.append(String.format("skipped:           %d%n", skipped.size()));
    appendList(sb, skipped);
    sb.append(String.format("warnings:          %d%n", warnings.size()));
    appendList(sb, warnings);
    // Reading and merging only: embedding and writing the index are timed on their own lines below.
    sb.append(String.format("read and merged:   %.2f s%n", elapsed.toMillis() / 1000.0));
    return sb.toString();
  }

  private static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  private static void appendList(StringBuilder sb, List<Problem> problems) {
    int shown = 0;
    for (Problem p : problems) {
      if (shown++ == 20) {
        sb.append(String.format("  ... and %d more%n", problems.size() - 20));
        break;
      }
      sb.append("  ").append(p).append(System.lineSeparator());
    }
  }
}
