package dev.scholarsearch.ingest;

import java.util.List;

/**
 * What reading one collection file (BibTeX, RIS, JSON) gave besides its papers.
 *
 * @param records the records found, read or not
 * @param skipped records not read, each with where and why
 * @param warnings records read with something left out, each with where and what
 */
public record RecordsRead(int records, List<IngestReport.Problem> skipped, List<IngestReport.Problem> warnings) {
  public RecordsRead {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}
