package dev.scholarsearch.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The configset a collection is created with: {@code schema.xml} and {@code solrconfig.xml} from
 * the jar's {@code solr/}, and the stop words written from the very set the local analyzer uses.
 * Its name carries a hash of its files, so a changed schema is a new configset and a collection
 * built with an older one keeps it.
 */
public final class SolrConfigSet {
  private final Map<String, byte[]> files;
  private final String name;

  private SolrConfigSet(Map<String, byte[]> files) {
    this.files = files;
    this.name = "scholar-search-" + hash(files);
  }

  /** The configset for papers whose vectors have {@code dimensions} dimensions. */
  public static SolrConfigSet forVectors(int dimensions) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("schema.xml", resource("schema.xml").replace("@VECTOR_DIMENSION@", Integer.toString(dimensions))
        .getBytes(StandardCharsets.UTF_8));
    files.put("solrconfig.xml", resource("solrconfig.xml").getBytes(StandardCharsets.UTF_8));
    files.put("stopwords.txt", stopWords().getBytes(StandardCharsets.UTF_8));
    files.put("query-gaps.txt", (SolrQueryWriter.GAP + "\n").getBytes(StandardCharsets.UTF_8));
    return new SolrConfigSet(files);
  }

  public String name() {
    return name;
  }

  /** The files as a zip, as Solr's configset upload takes them. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Lucene's English stop words, one a line: what {@code Analyzers.english()} removes. */
  static String stopWords() {
    TreeSet<String> words = new TreeSet<>();
    for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      words.add(new String((char[]) w));
    }
    return String.join("\n", words) + "\n";
  }

  private static String resource(String file) {
    try (InputStream in = SolrConfigSet.class.getResourceAsStream("/solr/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no solr/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((k, v) -> {
        sha.update(k.getBytes(StandardCharsets.UTF_8));
        sha.update(v);
      });
      return HexFormat.of().formatHex(sha.digest(), 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
