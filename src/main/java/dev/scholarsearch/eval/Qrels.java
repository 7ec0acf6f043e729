package dev.scholarsearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments, one per line: TREC's {@code qid 0 docid gain}, or BEIR's tab-separated
 * {@code query-id corpus-id score} (its header line skipped).
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {
  public Qrels {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach((q, m) -> copy.put(q, Map.copyOf(m)));
    judgments = java.util.Collections.unmodifiableMap(copy);
  }

  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length == 3 && i == 0 && !f[2].matches("-?\\d+")) {
        continue; // BEIR's header: query-id corpus-id score
      }
      if (f.length != 4 && f.length != 3) {
        throw new IOException(file + ":" + (i + 1) + ": expected 'qid 0 docid gain' (TREC) or 'qid docid gain' (BEIR), "
            + "got '" + line + "'");
      }
      String gain = f[f.length - 1];
      try {
        j.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[f.length - 2], Integer.parseInt(gain));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": gain must be a whole number, got '" + gain + "'");
      }
    }
    return new Qrels(j);
  }

  /** The gain of {@code doc} for {@code qid}; unjudged documents count as 0. */
  public int gain(String qid, String doc) {
    return judgments.getOrDefault(qid, Map.of()).getOrDefault(doc, 0);
  }

  /** Whether the topic has at least one relevant document (trec_eval averages over those). */
  public boolean judged(String qid) {
    return judgments.getOrDefault(qid, Map.of()).values().stream().anyMatch(g -> g > 0);
  }

  public Set<String> topics() {
    return judgments.keySet();
  }

  public Map<String, Integer> of(String qid) {
    return judgments.getOrDefault(qid, Map.of());
  }
}
