package dev.scholarsearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ranked results per topic, writable as a TREC run file ({@code qid Q0 docid rank score tag}). */
public record Run(String tag, Map<String, List<Scored>> results) {
  /** One retrieved document and its score. */
  public record Scored(String doc, double score) {}

  public Run {
    results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  public List<String> ranking(String qid) {
    return results.getOrDefault(qid, List.of()).stream().map(Scored::doc).toList();
  }

  public void write(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<Scored>> e : results.entrySet()) {
        int rank = 1;
        for (Scored s : e.getValue()) {
          // trec_eval orders by score, so equal scores must still descend: nudge by rank.
          w.write(e.getKey() + " Q0 " + s.doc() + " " + rank + " " + String.format(java.util.Locale.ROOT, "%.6f",
              s.score() - rank * 1e-9) + " " + tag + "\n");
          rank++;
        }
      }
    }
  }
}
