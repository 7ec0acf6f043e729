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
  /**
   * Where collection listings' abstracts wait for the indexer, and the rest of each listing for the
   * merge; null until the first listing, or when no temporary file can be made (then listings are
   * held whole).
   */
  private AbstractSpill spill;
  private SpilledRecords.Writer<byte[]> restWriter;
  private SpilledRecords<byte[]> rests;
  private boolean spillTried;
  /** The record of the rest of each listing held in part, while it waits to be merged. */
  private final Map<Listing, Integer> restOf = new IdentityHashMap<>();
  private int listingsAside;
  /** The abstract's spill slot of each listing made whole again without its abstract. */
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
   * Takes a collection's listing. Its abstract and all the merge does not look at go to disk (the
   * listing is kept with its record id, identifiers, authors and year), so a corpus of a million
   * papers does not have to fit in the heap; page listings are few and stay whole, since merging
   * versions compares their abstracts.
   */
  public void addListing(Listing listing) {
    if (!spillTried) {
      spillTried = true;
      spill = AbstractSpill.open();
      restWriter = spill == null ? null : SpilledRecords.Writer.open("listings");
      spill = restWriter == null ? null : spill;
    }
    if (spill == null) {
      jsonl.add(compact(listing));
      return;
    }
    int slot = listing.abstractText().isEmpty() ? -1 : spill.put(listing.abstractText(), listing.rawAbstract());
    // An abstract that could not be written is reported when the spill is sealed, before the merge.
    Listing kept = new Listing("", listing.externalId(), "", "", "", "", sharedAuthors(listing), listing.authorsTruncated(),
        "", listing.year(), null, List.of(), "", "", false, null, "", listing.ids(), List.of());
    restOf.put(kept, listingsAside++);
    restWriter.add(null, RecordCodec.listingRest(listing), slot);
    jsonl.add(kept);
  }

  /** The listing with its repeated strings shared, held whole. */
  private Listing compact(Listing l) {
    return new Listing(l.source(), l.externalId(), l.title(), l.rawTitle(), l.abstractText(), l.rawAbstract(),
        sharedAuthors(l), l.authorsTruncated(), shared(l.affiliation()), l.year(), l.date(),
        l.categories().stream().map(this::shared).toList(), shared(l.venue()), shared(l.type()), l.hasCode(), l.score(),
        l.url(), l.ids(), l.keywords());
  }

  private List<Author> sharedAuthors(Listing l) {
    return l.authors().stream().map(a -> new Author(shared(a.name()), a.ids())).toList();
  }

  private String shared(String s) {
    String first = shared.putIfAbsent(s, s);
    return first == null ? s : first;
  }

  /** The listing whole again, but for its abstract (whose slot is remembered), to be merged into its paper. */
  private Listing restored(Listing l) {
    Integer at = restOf.remove(l);
    if (at == null) {
      return l;
    }
    Listing whole = RecordCodec.listing(rests.get(at), l);
    if (rests.tag(at) >= 0) {
      spilled.put(whole, rests.tag(at));
    }
    return whole;
  }

  /** A look at the whole of a listing that waits in part, which keeps waiting. */
  private Listing readBack(Listing l) {
    Integer at = restOf.get(l);
    return at == null ? l : RecordCodec.listing(rests.get(at), l);
  }

  private String titleOf(Listing l) {
    return readBack(l).title();
  }

  private int abstractSlot(Listing l) {
    Integer slot = spilled.get(l);
    if (slot != null) {
      return slot;
    }
    Integer at = restOf.get(l);
    return at == null ? -1 : rests.tag(at);
  }

  private int abstractLength(Listing l) {
    int slot = abstractSlot(l);
    return slot < 0 ? l.abstractText().length() : spill.abstractLength(slot);
  }

  private String abstractOf(Listing l) {
    int slot = abstractSlot(l);
    return slot < 0 ? l.abstractText() : spill.abstractText(slot);
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
        rests = restWriter.finishInOrder((bytes, slot) -> bytes);
        restWriter = null;
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
    jsonl.clear(); // the clusters hold the listings from here on
    int[][] groups = versionGroups(clusters);
    int n = groups == null ? clusters.listings.size() : groups.length;
    // First the papers, without their authors' researchers: each is put aside (a corpus of pages
    // alone is small and stays in memory) and its listings let go of as soon as it is made, so that
    // only what the researchers are resolved from, its byline, is on the heap with them.
    List<Byline> bylines = new ArrayList<>(n);
    SpilledRecords.Writer<Paper> draftWriter = spill == null ? null : SpilledRecords.Writer.open("drafts");
    List<Paper> drafts = new ArrayList<>(draftWriter == null ? n : 0);
    int versionsMerged = 0;
    for (int g = 0; g < n; g++) {
      int[] group = groups == null ? new int[] {g} : groups[g];
      List<List<Listing>> parts = new ArrayList<>(group.length);
      Set<Integer> pagesOf = group.length == 1 ? clusters.pages.get(group[0]) : new TreeSet<>();
      for (int c : group) {
        parts.add(clusters.listings.set(c, null).stream().map(this::restored).toList());
        if (group.length > 1) {
          pagesOf.addAll(clusters.pages.get(c));
        }
      }
      MergedPaper m = MergedPaper.of(parts, pagesOf, this::abstractLength);
      versionsMerged += m.versions.size();
      bylines.add(m.byline());
      Paper draft = m.toPaper(List.of());
      int slot = spilled.getOrDefault(m.primary, -1);
      m.listings.forEach(spilled::remove);
      if (draftWriter == null) {
        drafts.add(draft);
      } else {
        draftWriter.add(null, RecordCodec.paper(draft), slot);
      }
    }
    clusters = null;
    rests = null;
    try {
      SpilledRecords<Paper> aside = draftWriter == null ? null : draftWriter.finishInOrder((bytes, slot) -> RecordCodec.paper(bytes));
      ResearcherResolver resolver = new ResearcherResolver(pages, bylines);
      bylines = null;
      return new Merged(withAuthors(aside == null ? drafts : aside, aside, resolver), resolver, listings, versionsMerged);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * The papers with their authors' researchers, sorted by id: put aside again when their drafts were
   * ({@code aside}, whose tags are the abstracts' slots) and a file can be made, else in memory.
   */
  private List<Paper> withAuthors(List<Paper> drafts, SpilledRecords<Paper> aside, ResearcherResolver resolver)
      throws IOException {
    SpilledRecords.Writer<Paper> onDisk = aside == null ? null : SpilledRecords.Writer.open("papers");
    List<Paper> inMemory = new ArrayList<>(onDisk == null ? drafts.size() : 0);
    for (int i = 0; i < drafts.size(); i++) {
      Paper p = (aside == null ? drafts.set(i, null) : drafts.get(i)).withAuthors(resolver.takeAuthorships(i));
      int slot = aside == null ? -1 : aside.tag(i);
      if (onDisk != null) {
        onDisk.add(p.id(), RecordCodec.paper(p), slot);
      } else {
        inMemory.add(slot < 0 ? p : p.withAbstract(spill.abstractText(slot), spill.rawAbstract(slot)));
      }
    }
    if (onDisk != null) {
      return onDisk.finish(this::readPaper);
    }
    inMemory.sort(Comparator.comparing(Paper::id));
    return inMemory;
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
          jsonlByTitle.computeIfAbsent(TextKeys.normalize(titleOf(l)), k -> new ArrayList<>()).add(clusterOfRoot[root]);
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
          if (!TextKeys.normalize(titleOf(first)).equals(TextKeys.normalize(titleOf(l)))) {
            warnings.add(new IngestReport.Problem(readBack(l).source(), "id '" + l.externalId() + "' is already used by "
                + readBack(first).source() + " with another title; both were merged into one paper"));
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
    groups.forEach((root, members) -> groupsByTitle.computeIfAbsent(TextKeys.normalize(titleOf(jsonl.get(members.get(0)))),
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
      List<Integer> sameTitle = groupsByTitle.get(TextKeys.normalize(titleOf(jsonl.get(members.get(0))))).stream()
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

  /**
   * The clusters of each paper, in order, when some clusters are versions of one paper; null when
   * each cluster is a paper of its own, the usual case, which then costs no array a cluster.
   */
  private int[][] versionGroups(Clusters clusters) {
    int n = clusters.listings.size();
    UnionFind versions = new UnionFind(n);
    mergeVersions(clusters.listings, clusters.pages, versions);
    if (IntStream.range(0, n).allMatch(c -> versions.find(c) == c)) {
      return null;
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int c = 0; c < n; c++) {
      groups.computeIfAbsent(versions.find(c), k -> new ArrayList<>()).add(c);
    }
    return groups.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
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
      List<Set<String>> titles = own.stream().map(c -> TextKeys.words(titleOf(clusters.get(c).get(0)))).toList();
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
