package dev.scholarsearch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic generator of realistic paper records: words drawn from a Zipf-distributed
 * vocabulary (each category prefers its own slice of it, so that papers on one subject share
 * words), titles of 6-12 words, abstracts of 120-350 words, 1-12 authors drawn from a Zipf pool of
 * researchers, one or two categories, and years skewed to recent ones. The same seed and size
 * always give the same file.
 */
public final class SyntheticCorpus {
  static final int VOCABULARY = 50_000;
  static final String[] CATEGORIES = {"cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.IR", "cs.DB", "cs.DC", "cs.CR", "cs.SE",
    "cs.PL", "cs.RO", "cs.HC", "cs.NE", "cs.DS", "cs.NI", "cs.SY", "stat.ML", "math.OC", "q-bio.QM", "physics.comp-ph"};
  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "ba", "po", "ze",
    "qu", "fi", "gra", "tor", "lin", "mar", "sel", "dex", "ion", "tra", "pel", "cor", "ven", "ax", "ul", "em", "ob", "ir"};
  private static final String[] FIRST = {"Alex", "Maria", "Wei", "Priya", "Jonas", "Chen", "Amara", "Lucas", "Yuki",
    "Sofia", "Omar", "Lena", "Ravi", "Mei", "Diego", "Hana", "Ivan", "Zoe", "Kofi", "Nadia", "Tariq", "Elena", "Jun", "Sara"};

  private final long seed;
  private final String[] words;
  private final double[] wordCdf;
  private final int researchers;
  private final double[] authorCdf;

  public SyntheticCorpus(long seed, int papers) {
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed);
    words = new String[VOCABULARY];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < VOCABULARY; i++) {
      String w;
      do {
        StringBuilder sb = new StringBuilder();
        int n = 2 + r.nextInt(3);
        for (int s = 0; s < n; s++) {
          sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        w = sb.toString();
      } while (!seen.add(w));
      words[i] = w;
    }
    wordCdf = zipfCdf(VOCABULARY, 1.07);
    researchers = Math.max(50, papers / 3);
    authorCdf = zipfCdf(researchers, 0.9);
  }

  /** The word of a Zipf rank (0 = most frequent); the benchmark draws its queries from the same vocabulary. */
  public String word(int rank) {
    return words[rank];
  }

  public String researcherName(int i) {
    String first = FIRST[i % FIRST.length];
    int x = i / FIRST.length;
    StringBuilder last = new StringBuilder();
    do {
      last.append(SYLLABLES[x % SYLLABLES.length]);
      x /= SYLLABLES.length;
    } while (x > 0);
    last.setCharAt(0, Character.toUpperCase(last.charAt(0)));
    return first + " " + last + (i >= FIRST.length * SYLLABLES.length * SYLLABLES.length ? " " + i : "");
  }

  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int draw(double[] cdf, SplittableRandom r) {
    int i = Arrays.binarySearch(cdf, r.nextDouble());
    return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
  }

  /** A word: 30% from the category's own slice of the vocabulary, the rest from the whole. */
  private String word(SplittableRandom r, int category) {
    int rank = draw(wordCdf, r);
    if (r.nextDouble() < 0.3) {
      rank = (200 + category * 1_500 + rank % 1_500) % VOCABULARY;
    }
    return words[rank];
  }

  /** Writes {@code papers} records as JSONL (gzip when the name ends in .gz). */
  public void write(Path file, int papers) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setRootValueSeparator(null);
      for (int i = 0; i < papers; i++) {
        writePaper(g, i);
        g.flush();
        w.write('\n');
      }
    }
  }

  private void writePaper(JsonGenerator g, int i) throws IOException {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    int category = r.nextInt(CATEGORIES.length);
    g.writeStartObject();
    g.writeStringField("id", "syn-" + i);
    StringBuilder title = new StringBuilder();
    int titleWords = 6 + r.nextInt(7);
    for (int t = 0; t < titleWords; t++) {
      String w = word(r, category);
      title.append(t == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    g.writeStringField("title", title.toString());
    StringBuilder abs = new StringBuilder();
    int absWords = 120 + r.nextInt(231);
    for (int t = 0; t < absWords; t++) {
      abs.append(t == 0 ? "" : (t % 17 == 0 ? ". " : " ")).append(word(r, category));
    }
    g.writeStringField("abstract", abs.append('.').toString());
    g.writeArrayFieldStart("authors");
    int authors = 1 + Math.min(11, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3.5));
    java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
    while (chosen.size() < authors) {
      chosen.add(draw(authorCdf, r));
    }
    for (int a : chosen) {
      g.writeString(researcherName(a));
    }
    g.writeEndArray();
    int year = 2025 - (int) Math.min(35, Math.floor(-Math.log(1 - r.nextDouble()) * 6));
    g.writeNumberField("year", year);
    g.writeStringField("date", String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28)));
    g.writeStringField("venue", r.nextDouble() < 0.6 ? "arXiv" : "Conf" + (1 + r.nextInt(40)));
    g.writeArrayFieldStart("categories");
    g.writeString(CATEGORIES[category]);
    if (r.nextDouble() < 0.3) {
      g.writeString(CATEGORIES[r.nextInt(CATEGORIES.length)]);
    }
    g.writeEndArray();
    g.writeBooleanField("hasCode", r.nextDouble() < 0.25);
    g.writeEndObject();
  }
}
