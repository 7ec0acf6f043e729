package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Merges listings into papers and page owners and authors into researchers.
 *
 * <ul>
 *   <li>Listings with the same source id (JSONL {@code id}) or a shared identifier (DOI, arXiv,
 *       OpenAlex, Semantic Scholar) are one paper; identifiers take precedence over titles.
 *   <li>A listing no source gave an id (BibTeX, RIS) joins the one paper of its title.
 *   <li>Page listings with the same normalised title are one paper; a page listing joins a JSONL
 *       paper when exactly one JSONL paper has its title.
 *   <li>Two page papers of the same owner whose titles (word Jaccard ≥ {@value #TITLE_SIMILARITY}) or
 *       abstracts (word-trigram Jaccard ≥ {@value #ABSTRACT_SIMILARITY}) are near-identical are
 *       versions of one paper.
 *   <li>Pages whose owners' names match and that share a paper describe one researcher; namesakes
 *       without a shared paper stay apart. Authors with identifiers are keyed by them
 *       ({@link ResearcherResolver}).
 * </ul>
 */
public final class CorpusBuilder {
  static final double TITLE_SIMILARITY = 0.75;
  static final double ABSTRACT_SIMILARITY = 0.5;

  private final List<ProfilePage> pages = new ArrayList<>();
  private final List<Listing> jsonl = new ArrayList<>();
  /** Where collection listings' abstracts wait for the indexer; null until the first, or when none can be made. */
  private AbstractSpill spill;
  private boolean spillTried;
  /** The spill slot of each listing held without its abstract. */
  private final Map<Listing, Integer> spilled = new IdentityHashMap<>();
  /** One instance of each venue, category and author name: each line of a collection parses its own copies. */
  private final Map<String, String> shared = new HashMap<>();
  private boolean built;

  /** What the merge did, for the run summary. */
  public record Stats(int listings, int duplicatesMerged, int versionsMerged, int profilePages, int profilesMerged) {}

  /** The merged corpus, what the merge did, and merges worth a second look. */
  public record Result(Corpus corpus, Stats stats, List<IngestReport.Problem> warnings) {}

  public void addPage(ProfilePage page) {
    pages.add(page);
  }

  /**
   * Takes a collection's listing. Its abstract goes to disk (the listing is kept without it), so a
   * corpus of a million abstracts does not have to fit in the heap; page listings are few and stay
   * whole, since merging versions compares their abstracts.
   */
  public void addListing(Listing listing) {
    if (!listing.abstractText().isEmpty() && !spillTried) {
      spill = AbstractSpill.open();
      spillTried = true;
    }
    int slot = spill == null || listing.abstractText().isEmpty() ? -1
        : spill.put(listing.abstractText(), listing.rawAbstract());
    Listing kept = compact(listing, slot >= 0);
    jsonl.add(kept);
    if (slot >= 0) {
      spilled.put(kept, slot);
    }
  }

  /** The listing with its repeated strings shared, and without its abstracts when they were put aside. */
  private Listing compact(Listing l, boolean withoutAbstract) {
    List<Author> authors = l.authors().stream().map(a -> new Author(shared(a.name()), a.ids())).toList();
    return new Listing(l.source(), l.externalId(), l.title(), l.rawTitle(), withoutAbstract ? "" : l.abstractText(),
        withoutAbstract ? "" : l.rawAbstract(), authors, l.authorsTruncated(), shared(l.affiliation()), l.year(), l.date(),
        l.categories().stream().map(this::shared).toList(), shared(l.venue()), shared(l.type()), l.hasCode(), l.score(),
        l.url(), l.ids(), l.keywords());
  }

  private String shared(String s) {
    String first = shared.putIfAbsent(s, s);
    return first == null ? s : first;
  }

  private int abstractLength(Listing l) {
    Integer slot = spilled.get(l);
    return slot == null ? l.abstractText().length() : spill.abstractLength(slot);
  }

  private String abstractOf(Listing l) {
    Integer slot = spilled.get(l);
    return slot == null ? l.abstractText() : spill.abstractText(slot);
  }

  /**
   * Merges what was added. Once: the listings are let go of as soon as the papers are made, before
   * the researchers are, so that the two do not share the heap.
   */
  public Result build() {
    if (built) {
      throw new IllegalStateException("a corpus builder builds once");
    }
    built = true;
    shared.clear();
    if (spill != null) {
      try {
        spill.seal();
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    List<IngestReport.Problem> warnings = new ArrayList<>();
    Merged m = mergePapers(warnings);
    List<Researcher> researchers;
    try {
      researchers = m.resolver.researchers(spill == null ? null : SpilledRecords.Writer.open("researchers"));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    Stats stats = new Stats(m.listings, m.listings - m.papers.size() - m.versionsMerged, m.versionsMerged, pages.size(),
        pages.size() - m.resolver.profileEntityCount());
    return new Result(new Corpus(m.papers, researchers), stats, warnings);
  }

  /** The papers, sorted by id, and the resolver that has their researchers. */
  private record Merged(List<Paper> papers, ResearcherResolver resolver, int listings, int versionsMerged) {}

  private Merged mergePapers(List<IngestReport.Problem> warnings) {
    // A cluster is one future paper: its listings, and for page listings the index of their page.
    Clusters clusters = new Clusters();
    clusterPageListings(clusters, clusterJsonl(clusters, warnings));
    int listings = jsonl.size() + pages.stream().mapToInt(pg -> pg.listings().size()).sum();
    jsonl.clear(); // the merged papers hold the listings from here on
    List<MergedPaper> merged = mergedPapers(clusters);
    clusters = null;
    int versionsMerged = merged.stream().mapToInt(m -> m.versions.size()).sum();
    ResearcherResolver resolver = new ResearcherResolver(pages, merged);
    // A corpus read from collections is put aside paper by paper as it is made, each merged paper
    // and its listings let go of at once; a corpus of pages alone is small and stays in memory.
    SpilledRecords.Writer<Paper> onDisk = spill == null ? null : SpilledRecords.Writer.open("papers");
    List<Paper> inMemory = new ArrayList<>(onDisk == null ? merged.size() : 0);
    for (int i = 0; i < merged.size(); i++) {
      MergedPaper m = merged.set(i, null);
      Paper p = m.toPaper(resolver.takeAuthorships(m));
      int slot = spilled.getOrDefault(m.primary, -1);
      m.listings.forEach(spilled::remove);
      if (onDisk == null) {
        inMemory.add(p);
      } else {
        onDisk.add(p.id(), RecordCodec.paper(p), slot);
      }
    }
    spilled.clear();
    List<Paper> papers;
    if (onDisk == null) {
      inMemory.sort(Comparator.comparing(Paper::id));
      papers = inMemory;
    } else {
      try {
        papers = onDisk.finish(this::readPaper);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    return new Merged(papers, resolver, listings, versionsMerged);
  }

  /** A paper put aside, whole again: its abstract, when {@code slot} ≥ 0, from the abstract spill. */
  private Paper readPaper(byte[] bytes, int slot) {
    Paper p = RecordCodec.paper(bytes);
    return slot < 0 ? p : p.withAbstract(spill.abstractText(slot), spill.rawAbstract(slot));
  }

  /** Listings that are one paper (one version, for now), and the pages that list each. */
  private static final class Clusters {
    final List<List<Listing>> listings = new ArrayList<>();
    /** Sized for the usual one or two listings and no page: a million clusters must stay small. */
    final List<Set<Integer>> pages = new ArrayList<>();

    int add() {
      listings.add(new ArrayList<>(2));
      pages.add(Set.of());
      return listings.size() - 1;
    }

    void addPage(int cluster, int page) {
      if (pages.get(cluster).isEmpty()) {
        pages.set(cluster, new TreeSet<>());
      }
      pages.get(cluster).add(page);
    }
  }

  /**
   * Collection listings, one cluster per paper: listings sharing a record id or an identifier (DOI,
   * arXiv, OpenAlex, Semantic Scholar) are one paper, and a listing no source gave an id (a BibTeX or
   * RIS entry without DOI) joins the one paper of its title. Returns the clusters by normalised
   * title, for pages to join.
   */
  private Map<String, List<Integer>> clusterJsonl(Clusters clusters, List<IngestReport.Problem> warnings) {
    UnionFind same = new UnionFind(jsonl.size());
    unionByIds(same, warnings);
    if (jsonl.stream().anyMatch(l -> l.externalId().isEmpty())) {
      joinByTitle(same);
    }
    // A union keeps the smaller index as the root, so a cluster is numbered by its first listing.
    int[] clusterOfRoot = new int[jsonl.size()];
    Arrays.fill(clusterOfRoot, -1);
    Map<String, List<Integer>> jsonlByTitle = new HashMap<>();
    for (int i = 0; i < jsonl.size(); i++) {
      Listing l = jsonl.get(i);
      int root = same.find(i);
      if (clusterOfRoot[root] < 0) {
        clusterOfRoot[root] = clusters.add();
        if (!pages.isEmpty()) { // only page listings join clusters by title
          jsonlByTitle.computeIfAbsent(TextKeys.normalize(l.title()), k -> new ArrayList<>()).add(clusterOfRoot[root]);
        }
      }
      clusters.listings.get(clusterOfRoot[root]).add(l);
    }
    return jsonlByTitle;
  }

  /**
   * Unites listings sharing a record id or an identifier; a reused record id with another title is
   * merged and warned about. Record ids and identifiers have maps of their own: a prefix to tell
   * them apart in one would cost a new string a listing.
   */
  private void unionByIds(UnionFind same, List<IngestReport.Problem> warnings) {
    Map<String, Integer> firstByRecord = new HashMap<>();
    Map<String, Integer> firstByKey = new HashMap<>();
    for (int i = 0; i < jsonl.size(); i++) {
      Listing l = jsonl.get(i);
      if (!l.externalId().isEmpty()) {
        Integer f = firstByRecord.putIfAbsent(l.externalId(), i);
        if (f != null) {
          Listing first = jsonl.get(f);
          if (!TextKeys.normalize(first.title()).equals(TextKeys.normalize(l.title()))) {
            warnings.add(new IngestReport.Problem(l.source(), "id '" + l.externalId() + "' is already used by "
                + first.source() + " with another title; both were merged into one paper"));
          }
          same.union(f, i);
        }
      }
      for (Identifier id : l.ids()) {
        Integer f = firstByKey.putIfAbsent(id.key(), i);
        if (f != null) {
          same.union(f, i);
        }
      }
    }
  }

  /**
   * A group of listings no source gave a record id (BibTeX, RIS) joins the one other group of its
   * title. Titles join only such groups: two records with their own ids and one title (CACM has
   * such pairs) stay two papers, as they were before identifiers.
   */
  private void joinByTitle(UnionFind same) {
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < jsonl.size(); i++) {
      groups.computeIfAbsent(same.find(i), k -> new ArrayList<>()).add(i);
    }
    Map<String, List<Integer>> groupsByTitle = new HashMap<>();
    groups.forEach((root, members) -> groupsByTitle.computeIfAbsent(TextKeys.normalize(jsonl.get(members.get(0)).title()),
        k -> new ArrayList<>()).add(root));
    Set<Integer> withDoi = new HashSet<>();
    groups.forEach((root, members) -> {
      if (members.stream().anyMatch(i -> jsonl.get(i).ids().stream().anyMatch(id -> id.kind() == Identifier.Kind.DOI))) {
        withDoi.add(root);
      }
    });
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<Integer> members = g.getValue();
      if (members.stream().anyMatch(i -> !jsonl.get(i).externalId().isEmpty())) {
        continue;
      }
      int own = same.find(g.getKey());
      List<Integer> sameTitle = groupsByTitle.get(TextKeys.normalize(jsonl.get(members.get(0)).title())).stream()
          .map(same::find).distinct().filter(r -> r != own).toList();
      // Two DOIs that did not merge the groups are two papers, whatever their titles say.
      if (sameTitle.size() == 1 && !(withDoi.contains(own) && withDoi.contains(sameTitle.get(0)))) {
        boolean doi = withDoi.contains(own) || withDoi.contains(sameTitle.get(0));
        same.union(sameTitle.get(0), own);
        if (doi) {
          withDoi.add(same.find(own));
        }
      }
    }
  }

  /** Page listings join the cluster of their title: an earlier page's, else the one JSONL paper of that title. */
  private void clusterPageListings(Clusters clusters, Map<String, List<Integer>> jsonlByTitle) {
    Map<String, Integer> byTitle = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      for (Listing l : pages.get(p).listings()) {
        String key = TextKeys.normalize(l.title());
        Integer c = byTitle.get(key);
        if (c == null) {
          List<Integer> jsonlMatches = jsonlByTitle.getOrDefault(key, List.of());
          c = jsonlMatches.size() == 1 ? jsonlMatches.get(0) : clusters.add();
        }
        byTitle.put(key, c);
        clusters.listings.get(c).add(l);
        clusters.addPage(c, p);
      }
    }
  }

  /** One paper per group of clusters that are versions of each other. */
  private List<MergedPaper> mergedPapers(Clusters clusters) {
    int n = clusters.listings.size();
    UnionFind versions = new UnionFind(n);
    mergeVersions(clusters.listings, clusters.pages, versions);
    List<MergedPaper> merged = new ArrayList<>(n);
    boolean anyMerged = IntStream.range(0, n).anyMatch(c -> versions.find(c) != c);
    if (!anyMerged) { // the usual case, and without the map a million clusters would cost
      for (int c = 0; c < n; c++) {
        merged.add(MergedPaper.of(List.of(clusters.listings.get(c)), clusters.pages.get(c), this::abstractLength));
      }
      return merged;
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int c = 0; c < n; c++) {
      groups.computeIfAbsent(versions.find(c), k -> new ArrayList<>()).add(c);
    }
    for (List<Integer> group : groups.values()) {
      Set<Integer> pagesOf = new TreeSet<>();
      group.forEach(c -> pagesOf.addAll(clusters.pages.get(c)));
      merged.add(MergedPaper.of(group.stream().map(clusters.listings::get).toList(), pagesOf, this::abstractLength));
    }
    return merged;
  }

  private void mergeVersions(List<List<Listing>> clusters, List<Set<Integer>> clusterPages, UnionFind uf) {
    Map<String, List<Integer>> byOwner = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      Set<String> owners = new HashSet<>();
      for (int p : clusterPages.get(c)) {
        owners.add(TextKeys.nameKey(pages.get(p).name()));
      }
      for (String o : owners) {
        byOwner.computeIfAbsent(o, k -> new ArrayList<>()).add(c);
      }
    }
    for (List<Integer> own : byOwner.values()) {
      if (own.size() > 5_000) {
        continue; // pairwise comparison would be quadratic in a pathological page; titles still merge exactly
      }
      List<Set<String>> titles = own.stream().map(c -> TextKeys.words(clusters.get(c).get(0).title())).toList();
      List<Set<String>> abstracts = own.stream().map(c -> TextKeys.shingles(abstractOf(clusters.get(c).get(0)))).toList();
      for (int i = 0; i < own.size(); i++) {
        for (int j = i + 1; j < own.size(); j++) {
          boolean sameTitle = titles.get(i).size() >= 3 && TextKeys.jaccard(titles.get(i), titles.get(j)) >= TITLE_SIMILARITY;
          boolean sameAbstract = abstracts.get(i).size() >= 20
              && TextKeys.jaccard(abstracts.get(i), abstracts.get(j)) >= ABSTRACT_SIMILARITY;
          if (sameTitle || sameAbstract) {
            uf.union(own.get(i), own.get(j));
          }
        }
      }
    }
  }
}
