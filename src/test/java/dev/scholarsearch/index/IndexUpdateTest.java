package dev.scholarsearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.bench.SyntheticVectors;
import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import dev.scholarsearch.search.SortOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updating an index in place must leave it answering exactly as a rewrite of the same corpus does,
 * while keeping what did not change. CACM is the corpus; the "edited" one drops 100 papers,
 * rewrites the abstract of 50 and adds 20 (written as JSONL, so it goes through the ingester).
 */
class IndexUpdateTest {
  private static final List<String> QUERIES = List.of("compiler", "sorting algorithm", "operating system",
      "\"time sharing\"", "matrix inversion", "parallel processing");

  private static Corpus ingest(Path jsonl) {
    return new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(jsonl)).corpus();
  }

  /**
   * CACM edited the way a file is edited in place: 100 papers deleted (their lines left blank, so
   * the others keep their line numbers, which their records cite), 50 abstracts changed, and 20
   * papers appended. A paper whose line moves counts as changed, as its record's source changes.
   */
  private static Path edited(Path dir) throws Exception {
    List<String> lines = Files.readAllLines(TestData.cacm("corpus.jsonl"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i % 32 == 5) {
        line = ""; // deleted
      } else if (i % 64 == 9) {
        line = line.replace("\"abstract\": \"", "\"abstract\": \"Revised: parallel compiler for time sharing systems. ");
      }
      out.add(line);
    }
    String[] topics = {"sorting", "matrix inversion", "time sharing", "compilers", "parsing"};
    for (int i = 0; i < 20; i++) {
      out.add("{\"id\": \"new-" + i + "\", \"title\": \"Operating system study " + i + " of " + topics[i % 5]
          + "\", \"abstract\": \"We measure " + topics[i % 5] + " on system " + i + ".\", "
          + "\"authors\": [\"K Samelson\", \"New Author " + i + "\"], \"year\": 1980, \"venue\": \"CACM\"}");
    }
    Path edited = Files.createDirectories(dir.resolve("edited")).resolve("corpus.jsonl");
    Files.write(edited, out);
    return edited;
  }

  private static Set<String> segments(Path dir) throws Exception {
    try (var d = new MMapDirectory(dir)) {
      Set<String> names = new HashSet<>();
      for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(d)) {
        names.add(si.info.name);
      }
      return names;
    }
  }

  @Test
  void anUnchangedCorpusKeepsEverySegmentAndAddsNothing(@TempDir Path dir) throws Exception {
    Corpus cacm = ingest(TestData.cacm("corpus.jsonl"));
    Indexer.Build first = Indexer.build(dir, cacm, List.of(), "a", null, Indexer.Strategy.UPDATE, s -> {});
    assertFalse(first.updated(), "there was no index to update, so it was written anew");
    assertEquals(3204, first.addedPapers());
    Set<String> before = segments(dir);

    Indexer.Build again = Indexer.build(dir, cacm, List.of(), "b", null, Indexer.Strategy.UPDATE, s -> {});
    assertTrue(again.updated());
    assertEquals(3204, again.keptPapers());
    assertEquals(0, again.addedPapers());
    assertEquals(0, again.deletedPapers());
    assertEquals(before, segments(dir), "no segment was rewritten");
    assertEquals("b", dev.scholarsearch.index.IndexStatus.of(dir).readableManifest().orElseThrow().fingerprint(), "the new manifest is committed");
  }

  @Test
  void anUpdatedIndexAnswersAsARewriteOfTheSameCorpusDoes(@TempDir Path tmp) throws Exception {
    Corpus cacm = ingest(TestData.cacm("corpus.jsonl"));
    Corpus edited = ingest(edited(tmp));
    Path updated = tmp.resolve("updated");
    Path rewritten = tmp.resolve("rewritten");
    Indexer.build(updated, cacm, List.of(), "v1", null, Indexer.Strategy.UPDATE, s -> {});
    Indexer.Build b = Indexer.build(updated, edited, List.of(), "v2", null, Indexer.Strategy.UPDATE, s -> {});
    Indexer.build(rewritten, edited, List.of(), "v2", null, Indexer.Strategy.REWRITE, s -> {});

    assertTrue(b.updated());
    assertEquals(3204 - 100 - 50, b.keptPapers(), "all but the dropped and the changed papers are kept");
    assertEquals(50 + 20, b.addedPapers(), "the changed papers and the new ones");
    assertEquals(100 + 50, b.deletedPapers(), "the dropped papers and the old versions of the changed ones");
    assertEquals(edited.papers().size(), b.keptPapers() + b.addedPapers());

    try (LiveIndex u = LiveIndex.open(updated, Duration.ofHours(1));
        LiveIndex r = LiveIndex.open(rewritten, Duration.ofHours(1))) {
      PaperSearcher us = new PaperSearcher(u);
      PaperSearcher rs = new PaperSearcher(r);
      for (Paper p : edited.papers()) {
        assertEquals(p, us.paper(p.id()).orElseThrow(), p.id());
      }
      assertTrue(us.paper("cacm-6").isEmpty(), "a dropped paper is gone");
      for (String q : QUERIES) {
        SearchRequest req = new SearchRequest(q, SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false, false, 50,
            SearchMode.LEXICAL);
        SearchResult a = us.search(req);
        SearchResult c = rs.search(req);
        assertEquals(c.total(), a.total(), q);
        assertEquals(c.facets(), a.facets(), q);
      }
      // Paper counts must not include the deleted documents the updated index still holds.
      Map<String, Long> papersOf = edited.papers().stream().flatMap(p -> p.authors().stream())
          .collect(Collectors.groupingBy(a -> a.researcherId(), Collectors.counting()));
      List<Expert> experts = new ExpertRanker(u, us.kernel(), ExpertModel.DEFAULT)
          .rank("parallel compiler for time sharing systems", SearchFilters.NONE, ExpertRanker.Scope.ALL, 20,
              SearchMode.LEXICAL);
      assertFalse(experts.isEmpty());
      for (Expert e : experts) {
        assertEquals(papersOf.get(e.id()).intValue(), e.paperCount(), e.name());
      }
      assertEquals(ranking(new ExpertRanker(r, rs.kernel(), ExpertModel.DEFAULT)), ranking(new ExpertRanker(u, us.kernel(),
          ExpertModel.DEFAULT)), "the same researchers with the same paper counts");
    }
  }

  private static Map<String, Integer> ranking(ExpertRanker ranker) {
    Map<String, Integer> out = new TreeMap<>();
    for (Expert e : ranker.rank("sorting algorithm", SearchFilters.NONE, ExpertRanker.Scope.ALL, 30, SearchMode.LEXICAL)) {
      out.put(e.id(), e.paperCount());
    }
    return out;
  }

  @Test
  void vectorsAreKeptWithTheirPapersAndAddedWhenTheModelChanges(@TempDir Path tmp) throws Exception {
    Corpus cacm = ingest(TestData.cacm("corpus.jsonl"));
    Corpus edited = ingest(edited(tmp));
    SyntheticVectors vectors = new SyntheticVectors(7, 64, 384);
    Path updated = tmp.resolve("updated");
    Path rewritten = tmp.resolve("rewritten");

    Indexer.build(updated, cacm, List.of(), "lexical", null, Indexer.Strategy.UPDATE, s -> {});
    Indexer.Build withVectors = Indexer.build(updated, cacm, List.of(), "v", vectors, Indexer.Strategy.UPDATE, s -> {});
    assertTrue(withVectors.updated());
    assertEquals(3204, withVectors.addedPapers(), "papers without a vector are not kept when vectors are asked for");
    assertEquals(3204, withVectors.deletedPapers());

    Indexer.Build b = Indexer.build(updated, edited, List.of(), "v2", vectors, Indexer.Strategy.UPDATE, s -> {});
    assertEquals(70, b.addedPapers());
    Indexer.build(rewritten, edited, List.of(), "v2", vectors, Indexer.Strategy.REWRITE, s -> {});
    assertTrue(dev.scholarsearch.index.IndexStatus.of(updated).readableManifest().orElseThrow().hasVectors());

    try (var ud = new MMapDirectory(updated); var u = DirectoryReader.open(ud);
        var rd = new MMapDirectory(rewritten); var r = DirectoryReader.open(rd)) {
      Map<String, float[]> stored = storedVectors(u);
      assertEquals(edited.papers().size(), stored.size(), "every paper has exactly one live vector");
      for (Paper p : edited.papers()) {
        assertArrayEquals(vectors.of(p), stored.get(p.id()), p.id());
      }
      // Each segment quantizes its vectors on its own, so near-ties may swap places: compare sets.
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 0; i < 20; i++) {
        float[] q = vectors.query(random);
        Set<String> common = new HashSet<>(neighbours(r, q));
        common.retainAll(neighbours(u, q));
        assertTrue(common.size() >= 9, "the same nearest papers, query " + i + ": " + common);
      }
    }
  }

  private static Map<String, float[]> storedVectors(DirectoryReader reader) throws Exception {
    Map<String, float[]> out = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      if (values == null) {
        continue; // a segment of the lexical build, or of researchers only
      }
      Bits live = leaf.reader().getLiveDocs();
      var stored = leaf.reader().storedFields();
      for (var it = values.iterator(); it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS; ) {
        if (live == null || live.get(it.docID())) {
          String id = stored.document(it.docID()).get(Fields.ID);
          float[] previous = out.put(id, values.vectorValue(it.index()).clone());
          assertEquals(null, previous, "a second live vector for " + id);
        }
      }
    }
    return out;
  }

  private static List<String> neighbours(DirectoryReader reader, float[] q) throws Exception {
    IndexSearcher s = new IndexSearcher(reader);
    List<String> ids = new ArrayList<>();
    for (ScoreDoc sd : s.search(new KnnFloatVectorQuery(Fields.VECTOR, q, 10), 10).scoreDocs) {
      ids.add(s.storedFields().document(sd.doc).get(Fields.ID));
    }
    return ids;
  }

  /** Embeds by hashing words into 384 dimensions, and counts the texts it was asked for. */
  private static final class CountingEmbedder implements TextEmbedder {
    final AtomicInteger texts = new AtomicInteger();

    @Override
    public String model() {
      return "counting-384";
    }

    @Override
    public int dimensions() {
      return 384;
    }

    @Override
    public List<float[]> embed(List<String> batch) {
      texts.addAndGet(batch.size());
      return batch.stream().map(this::embedQuery).toList();
    }

    @Override
    public float[] embedQuery(String text) {
      float[] v = new float[384];
      for (String w : text.toLowerCase().split("\\W+")) {
        v[Math.floorMod(w.hashCode(), 384)] += 1;
      }
      v[0] += 1e-3f; // an empty text still gets a unit vector
      return TextEmbedder.normalize(v);
    }
  }

  @Test
  void onlyThePapersThatGetANewDocumentNeedAVector(@TempDir Path tmp) throws Exception {
    Corpus cacm = ingest(TestData.cacm("corpus.jsonl"));
    Corpus edited = ingest(edited(tmp));
    Path dir = tmp.resolve("idx");
    CountingEmbedder model = new CountingEmbedder();
    try (VectorCache cache = VectorCache.none(model.model(), 384)) {
      PaperVectors first = PaperVectors.using(() -> model, cache, s -> {});
      Indexer.build(dir, cacm, List.of(), "1", first, Indexer.Strategy.UPDATE, s -> {});
      assertEquals(3204, first.stats().papers());
      assertEquals(3204, first.stats().embedded());
      long distinct = cacm.papers().stream().map(PaperVectors::text).distinct().count();
      assertTrue(distinct < 3204, "CACM has papers of the same text, so the count below means something");
      assertEquals(distinct, model.texts.get(), "each distinct text embedded once");
      for (Paper p : cacm.papers()) {
        assertArrayEquals(model.embedQuery(PaperVectors.text(p)), first.of(p), "the vector of paper " + p.id());
      }
    }
    // A new, empty cache (moved or deleted): the kept papers still need nothing embedded.
    model.texts.set(0);
    try (VectorCache empty = VectorCache.none(model.model(), 384)) {
      PaperVectors again = PaperVectors.using(() -> model, empty, s -> {});
      Indexer.build(dir, cacm, List.of(), "2", again, Indexer.Strategy.UPDATE, s -> {});
      assertEquals(0, again.stats().papers());
      assertEquals(0, model.texts.get());
      assertTrue(again.stats().summary().startsWith("no paper needed one"), again.stats().summary());

      PaperVectors third = PaperVectors.using(() -> model, empty, s -> {});
      Indexer.Build b = Indexer.build(dir, edited, List.of(), "3", third, Indexer.Strategy.UPDATE, s -> {});
      assertEquals(70, third.stats().papers(), "the 50 changed papers and the 20 new ones");
      assertEquals(b.addedPapers(), third.stats().papers());
      Set<Paper> unchanged = new HashSet<>(cacm.papers());
      long texts = edited.papers().stream().filter(p -> !unchanged.contains(p)).map(PaperVectors::text).distinct().count();
      assertEquals(texts, model.texts.get(), "each of their distinct texts embedded once");
    }
  }

  @Test
  void aFailedUpdateLeavesThePreviousIndexIntact(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("idx");
    Corpus cacm = ingest(TestData.cacm("corpus.jsonl"));
    Indexer.build(dir, cacm, List.of(), "first", null, Indexer.Strategy.UPDATE, s -> {});
    Corpus edited = ingest(edited(tmp));
    assertThrows(RuntimeException.class, () -> Indexer.build(dir, edited, List.of(), "second", null,
        Indexer.Strategy.UPDATE, s -> {
          if (s.equals("committing")) {
            throw new RuntimeException("simulated crash before commit");
          }
        }));
    assertEquals("first", dev.scholarsearch.index.IndexStatus.of(dir).readableManifest().orElseThrow().fingerprint());
    Indexer.Build b = Indexer.build(dir, edited, List.of(), "second", null, Indexer.Strategy.UPDATE, s -> {});
    assertEquals(70, b.addedPapers(), "the update after the crash starts from the first index");
  }

  @Test
  void smallCorporaAreRewrittenUnlessAnUpdateIsAskedFor(@TempDir Path dir) throws Exception {
    Corpus seeds = ingest(TestData.seeds());
    Indexer.build(dir, seeds, List.of(), "a", null, Indexer.Strategy.AUTO, s -> {});
    Indexer.Build again = Indexer.build(dir, seeds, List.of(), "b", null, Indexer.Strategy.AUTO, s -> {});
    assertFalse(again.updated(), seeds.papers().size() + " papers are under " + Indexer.UPDATE_FROM);
    assertEquals(seeds.papers().size(), again.addedPapers());
  }
}
