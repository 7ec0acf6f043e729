package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.VectorSource;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * Builds a corpus into a new collection of the cluster and then points the URL's alias at it, so
 * readers move from the old collection to the new one at once and never see a half-built one. The
 * collection before stays (to go back to, by hand); older ones of the same alias are deleted.
 */
public final class ClusterIndexer {
  private static final int BATCH = 500;
  private static final Duration ADMIN = Duration.ofMinutes(3);
  private static final Duration UPDATE = Duration.ofMinutes(2);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

  /**
   * @param shards how many shards the collection is split into
   * @param replicas copies of each shard (at most one a node: more are capped, and said)
   */
  public record Layout(int shards, int replicas) {
    public Layout {
      if (shards < 1 || replicas < 1) {
        throw new IllegalArgumentException("shards and replicas must be at least 1, got " + shards + " and " + replicas);
      }
    }
  }

  /**
   * What a build did.
   *
   * @param updated whether the collection the alias pointed at was updated in place (then {@code
   *     kept}, {@code added} and {@code removed} count its papers) rather than a new one built
   */
  public record Build(String collection, Optional<String> previous, List<String> deleted, IndexManifest manifest,
      Layout layout, double seconds, boolean updated, int kept, int added, int removed) {
    public String summary() {
      if (updated) {
        return String.format("collection %s updated in place in %.1f s: %,d papers unchanged and kept, %,d added, "
            + "%,d deleted", collection, seconds, kept, added, removed);
      }
      return String.format("collection %s (%d shard%s x %d replica%s) in %.1f s; alias %s now points at it%s%s",
          collection, layout.shards(), layout.shards() == 1 ? "" : "s", layout.replicas(),
          layout.replicas() == 1 ? "" : "s", seconds, alias(collection),
          previous.map(p -> ", the collection before (" + p + ") is kept").orElse(""),
          deleted.isEmpty() ? "" : ", older ones deleted: " + String.join(", ", deleted));
    }
  }

  private ClusterIndexer() {}

  /** Builds {@code corpus} into a new collection and swaps the alias; vectors when {@code vectors} is not null. */
  public static Build build(SolrHttp solr, Corpus corpus, List<String> inputs, String fingerprint, VectorSource vectors,
      int dimensions, Layout asked, Consumer<String> progress) throws IOException {
    return build(solr, corpus, inputs, fingerprint, vectors, dimensions, asked, Indexer.Strategy.REWRITE, progress);
  }

  /**
   * Makes the alias's collection hold exactly {@code corpus}: a new collection and an alias swap,
   * or, as {@code strategy} says ({@link Indexer.Strategy#AUTO}: from {@link Indexer#UPDATE_FROM}
   * papers on), the current collection updated in place by content hash, when it has the same
   * schema and vector model: unchanged documents kept, changed and new ones sent, vanished ones
   * deleted, one commit. An update is not atomic across shards for readers the way an alias swap
   * is: for the moment of the commit, one shard may show the new papers before another.
   */
  public static Build build(SolrHttp solr, Corpus corpus, List<String> inputs, String fingerprint, VectorSource vectors,
      int dimensions, Layout asked, Indexer.Strategy strategy, Consumer<String> progress) throws IOException {
    long start = System.nanoTime();
    String alias = solr.url().name();
    solr.discoverNodes();
    Map<String, String> aliases = aliases(solr);
    List<String> collections = collections(solr);
    if (collections.contains(alias) && !aliases.containsKey(alias)) {
      throw new IOException("the cluster has a collection named '" + alias + "' that is not an alias; the project "
          + "builds collections named " + alias + "_<time> behind an alias '" + alias + "', so give another name in "
          + "the engine URL, or delete that collection");
    }
    SolrConfigSet config = SolrConfigSet.forVectors(dimensions);
    String model = vectors == null ? IndexManifest.NO_VECTORS : vectors.model();
    String current = aliases.get(alias);
    boolean large = corpus.papers().size() >= Indexer.UPDATE_FROM;
    if (current != null && (strategy == Indexer.Strategy.UPDATE || (strategy == Indexer.Strategy.AUTO && large))
        && updatable(solr, current, config, model)) {
      return update(solr, current, corpus, inputs, fingerprint, vectors, model, progress, start);
    }
    int nodes = liveNodes(solr);
    Layout layout = new Layout(asked.shards(), Math.min(asked.replicas(), nodes));
    if (layout.replicas() < asked.replicas()) {
      progress.accept("the cluster has " + nodes + " live node" + (nodes == 1 ? "" : "s") + ": " + layout.replicas()
          + " replica" + (layout.replicas() == 1 ? "" : "s") + " a shard instead of " + asked.replicas());
    }
    upload(solr, config);
    String collection = alias + "_" + STAMP.format(Instant.now());
    solr.get("/solr/admin/collections", Map.of("action", "CREATE", "name", collection, "numShards", layout.shards(),
        "replicationFactor", layout.replicas(), "collection.configName", config.name(), "wt", "json"), ADMIN);
    progress.accept("created collection " + collection + " (" + layout.shards() + " shards x " + layout.replicas()
        + " replicas, configset " + config.name() + ")");
    try {
      if (vectors != null) {
        vectors.prepare(corpus.papers());
      }
      send(solr, collection, corpus, vectors, progress);
      IndexManifest manifest = new IndexManifest(inputs, fingerprint, Instant.now(), corpus.papers().size(),
          corpus.researchers().size(), model);
      post(solr, collection, List.of(SolrDocuments.manifest(manifest, averageTextLength(corpus.papers()))));
      solr.get("/solr/" + collection + "/update", Map.of("commit", "true", "waitSearcher", "true", "wt", "json"), ADMIN);
      long found = solr.get("/solr/" + collection + "/select", Map.of("q", "kind:" + Fields.KIND_PAPER, "rows", 0,
          "wt", "json"), UPDATE).path("response").path("numFound").asLong();
      if (found != corpus.papers().size()) {
        throw new IOException("the new collection " + collection + " holds " + found + " papers after the commit, not "
            + corpus.papers().size());
      }
      Optional<String> previous = Optional.ofNullable(aliases.get(alias));
      solr.get("/solr/admin/collections", Map.of("action", "CREATEALIAS", "name", alias, "collections", collection,
          "wt", "json"), ADMIN);
      List<String> deleted = new ArrayList<>();
      for (String c : collections) {
        if (c.startsWith(alias + "_") && !previous.map(c::equals).orElse(false) && !c.equals(collection)) {
          solr.get("/solr/admin/collections", Map.of("action", "DELETE", "name", c, "wt", "json"), ADMIN);
          deleted.add(c);
        }
      }
      return new Build(collection, previous, deleted, manifest, layout, (System.nanoTime() - start) / 1e9, false, 0,
          corpus.papers().size(), 0);
    } catch (IOException | RuntimeException e) {
      // Never aliased, so no reader saw it: the alias still points where it did.
      try {
        solr.get("/solr/admin/collections", Map.of("action", "DELETE", "name", collection, "wt", "json"), ADMIN);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Whether {@code collection} has the configset and the vector model a build would give it now. */
  private static boolean updatable(SolrHttp solr, String collection, SolrConfigSet config, String model)
      throws IOException {
    JsonNode status = solr.get("/solr/admin/collections", Map.of("action", "CLUSTERSTATUS", "collection", collection,
        "wt", "json"), ADMIN).path("cluster").path("collections").path(collection);
    if (!status.path("configName").asText().equals(config.name())) {
      return false;
    }
    JsonNode docs = solr.get("/solr/" + collection + "/select", Map.of("q", "id:" + SolrDocuments.MANIFEST_ID, "fl",
        Fields.RECORD, "wt", "json"), UPDATE).path("response").path("docs");
    return !docs.isEmpty() && SolrHttp.MAPPER.readTree(docs.get(0).path(Fields.RECORD).asText()).path("vectorModel")
        .asText().equals(model);
  }

  /** The update in place: see {@link #build}. */
  private static Build update(SolrHttp solr, String collection, Corpus corpus, List<String> inputs, String fingerprint,
      VectorSource vectors, String model, Consumer<String> progress, long start) throws IOException {
    Map<String, String> existing = hashes(solr, collection);
    progress.accept(String.format("updating collection %s in place: it holds %,d documents", collection,
        existing.size()));
    java.util.Set<String> wanted = new java.util.HashSet<>();
    List<Paper> changedPapers = new ArrayList<>();
    int kept = 0;
    for (Paper p : corpus.papers()) {
      String key = SolrDocuments.key(Fields.KIND_PAPER, p.id());
      wanted.add(key);
      if (SolrDocuments.paperHash(p, vectors == null ? "" : model).equals(existing.get(key))) {
        kept++;
      } else {
        changedPapers.add(p);
      }
    }
    List<Researcher> changedResearchers = new ArrayList<>();
    for (Researcher r : corpus.researchers()) {
      String key = SolrDocuments.key(Fields.KIND_RESEARCHER, r.id());
      wanted.add(key);
      if (!SolrDocuments.researcherHash(r).equals(existing.get(key))) {
        changedResearchers.add(r);
      }
    }
    List<String> gone = existing.keySet().stream().filter(id -> !wanted.contains(id)).sorted().toList();
    int removedPapers = (int) gone.stream().filter(id -> existing.get(id).startsWith(PAPER_HASH_PREFIX)).count();
    if (vectors != null) {
      vectors.prepare(changedPapers);
    }
    send(solr, collection, new Corpus(changedPapers, changedResearchers), vectors, progress);
    for (int from = 0; from < gone.size(); from += BATCH) {
      com.fasterxml.jackson.databind.node.ObjectNode delete = SolrHttp.MAPPER.createObjectNode();
      ArrayNode ids = delete.putArray("delete");
      gone.subList(from, Math.min(gone.size(), from + BATCH)).forEach(ids::add);
      solr.post("/solr/" + collection + "/update", Map.of("wt", "json"), SolrHttp.MAPPER.writeValueAsBytes(delete),
          "application/json", UPDATE);
    }
    IndexManifest manifest = new IndexManifest(inputs, fingerprint, Instant.now(), corpus.papers().size(),
        corpus.researchers().size(), model);
    post(solr, collection, List.of(SolrDocuments.manifest(manifest, averageTextLength(corpus.papers()))));
    solr.get("/solr/" + collection + "/update", Map.of("commit", "true", "waitSearcher", "true", "wt", "json"), ADMIN);
    // A changed paper is one deleted and one added, as the local index counts it.
    int changedExisting = (int) changedPapers.stream()
        .filter(p -> existing.containsKey(SolrDocuments.key(Fields.KIND_PAPER, p.id()))).count();
    return new Build(collection, Optional.empty(), List.of(), manifest, new Layout(1, 1),
        (System.nanoTime() - start) / 1e9, true, kept, changedPapers.size(), removedPapers + changedExisting);
  }

  /** A paper's content hash in hex starts so: its first byte is 'p' (ContentHash). */
  private static final String PAPER_HASH_PREFIX = "70";

  /** Every document's unique key and content hash, the manifest's aside, paged through with a cursor. */
  private static Map<String, String> hashes(SolrHttp solr, String collection) throws IOException {
    Map<String, String> out = new java.util.HashMap<>();
    String cursor = "*";
    while (true) {
      JsonNode r = solr.form("/solr/" + collection + "/select", Map.of("q", "*:*", "fq", "-id:" + SolrDocuments
          .MANIFEST_ID, "fl", SolrDocuments.KEY + "," + Fields.CONTENT_HASH, "sort", SolrDocuments.KEY + " asc", "rows",
          10_000, "cursorMark",
          cursor, "wt", "json"), UPDATE);
      for (JsonNode d : r.path("response").path("docs")) {
        out.put(d.path(SolrDocuments.KEY).asText(), d.path(Fields.CONTENT_HASH).asText());
      }
      String next = r.path("nextCursorMark").asText();
      if (next.isEmpty() || next.equals(cursor)) {
        return out;
      }
      cursor = next;
    }
  }

  /** The name of the alias a collection of {@link #build} belongs to. */
  static String alias(String collection) {
    return collection.replaceFirst("_\\d{8}_\\d{6}_\\d{3}$", "");
  }

  private static void send(SolrHttp solr, String collection, Corpus corpus, VectorSource vectors,
      Consumer<String> progress) throws IOException {
    int total = corpus.papers().size() + corpus.researchers().size();
    int sent = 0;
    long lastReport = System.nanoTime();
    List<com.fasterxml.jackson.databind.node.ObjectNode> batch = new ArrayList<>(BATCH);
    Iterator<Paper> papers = corpus.papers().iterator();
    Iterator<Researcher> researchers = corpus.researchers().iterator();
    while (papers.hasNext() || researchers.hasNext()) {
      if (papers.hasNext()) {
        Paper p = papers.next();
        batch.add(SolrDocuments.paper(p, vectors == null ? null : vectors.of(p), vectors == null ? "" : vectors.model()));
      } else {
        batch.add(SolrDocuments.researcher(researchers.next()));
      }
      if (batch.size() == BATCH || (!papers.hasNext() && !researchers.hasNext())) {
        post(solr, collection, batch);
        sent += batch.size();
        batch.clear();
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          progress.accept(String.format("sent %,d of %,d documents to %s", sent, total, collection));
          lastReport = System.nanoTime();
        }
      }
    }
  }

  private static void post(SolrHttp solr, String collection, List<com.fasterxml.jackson.databind.node.ObjectNode> docs)
      throws IOException {
    ArrayNode array = SolrHttp.MAPPER.createArrayNode();
    docs.forEach(array::add);
    solr.post("/solr/" + collection + "/update", Map.of("wt", "json"), SolrHttp.MAPPER.writeValueAsBytes(array),
        "application/json", UPDATE);
  }

  private static void upload(SolrHttp solr, SolrConfigSet config) throws IOException {
    JsonNode list = solr.get("/solr/admin/configs", Map.of("action", "LIST", "wt", "json"), ADMIN);
    for (JsonNode n : list.path("configSets")) {
      if (n.asText().equals(config.name())) {
        return;
      }
    }
    solr.post("/solr/admin/configs", Map.of("action", "UPLOAD", "name", config.name(), "wt", "json"), config.zip(),
        "application/octet-stream", ADMIN);
  }

  static Map<String, String> aliases(SolrHttp solr) throws IOException {
    JsonNode r = solr.get("/solr/admin/collections", Map.of("action", "LISTALIASES", "wt", "json"), ADMIN);
    Map<String, String> out = new java.util.HashMap<>();
    r.path("aliases").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> collections(SolrHttp solr) throws IOException {
    JsonNode r = solr.get("/solr/admin/collections", Map.of("action", "LIST", "wt", "json"), ADMIN);
    List<String> out = new ArrayList<>();
    r.path("collections").forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int liveNodes(SolrHttp solr) throws IOException {
    JsonNode r = solr.get("/solr/admin/collections", Map.of("action", "CLUSTERSTATUS", "wt", "json"), ADMIN);
    return Math.max(1, r.path("cluster").path("live_nodes").size());
  }

  /** The mean number of tokens of the combined field, as the local index's statistics give it. */
  static double averageTextLength(List<Paper> papers) {
    if (papers.isEmpty()) {
      return 0;
    }
    // One analyzer for all threads: it keeps its token streams per thread.
    try (Analyzer english = Analyzers.english()) {
      long tokens = papers.parallelStream()
          .mapToLong(p -> count(english, p.title()) + count(english, p.abstractText())).sum();
      return (double) tokens / papers.size();
    }
  }

  private static long count(Analyzer a, String text) {
    try (TokenStream ts = a.tokenStream(Fields.TEXT, text)) {
      ts.reset();
      long n = 0;
      while (ts.incrementToken()) {
        n++;
      }
      ts.end();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
