package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.ProfileSnapshot;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds researchers from page owners and authors, then resolves every authorship to one of them.
 *
 * <ul>
 *   <li>An author with identifiers (ORCID, OpenAlex, Semantic Scholar, our JSONL's {@code id}) is
 *       keyed by them: every identifier one author record gives is the same person, so an ORCID links
 *       an OpenAlex author id to a JSONL id, and a page that shows the ORCID to both. Namesakes with
 *       different identifiers stay apart; one identifier under several spellings is one person.
 *   <li>A page owner is the identified author of the same name on a paper their page lists (when only
 *       one such author is on it), so a page without identifiers still joins its owner's records.
 *   <li>Pages whose owners' names match and that share a paper describe one researcher.
 *   <li>An author known by name only is, in order: the page owner of that name on this paper; the
 *       one researcher of that name with a profile; the one identified researcher of that name, when
 *       no profile has the name; else the name-only researcher of that name.
 * </ul>
 *
 * Two groups whose ORCIDs differ are never joined, whatever else links them: ORCID is the one
 * identifier people keep themselves.
 */
final class ResearcherResolver {
  private final List<Entity> entities = new ArrayList<>();
  /** The papers, by their index in the list given, until their authorships are taken. */
  private final Byline[] papers;
  /** Each paper's authors' entities, in author order, by the paper's index. */
  private final Entity[][] resolved;
  private int profileEntities;

  /**
   * A researcher being resolved, made for the usual one: no profile and no identifier, a paper or
   * two, one spelling. A million-paper corpus has more than a million; with a set and a map each
   * they took about 0.8 GB of the heap.
   */
  private static final class Entity {
    List<ProfileSnapshot> profiles = List.of();
    /** In the order first added, with repeats: {@link #papers} drops them once, at the end. */
    final List<String> paperIds = new ArrayList<>(1);
    Set<Identifier> ids = Set.of();
    /** The first spelling and its count; a map only for a researcher spelled more than one way. */
    private String spelling;
    private int spellingCount;
    private Map<String, Integer> otherSpellings;
    String nameKey;
    String id;
    String profileName;

    String name() {
      if (profileName != null) {
        return profileName;
      }
      return variants().stream().findFirst().orElse(nameKey);
    }

    void addProfile(ProfileSnapshot p) {
      if (profiles.isEmpty()) {
        profiles = new ArrayList<>(1);
      }
      profiles.add(p);
    }

    void addIds(List<Identifier> more) {
      if (more.isEmpty()) {
        return;
      }
      if (ids.isEmpty()) {
        ids = new TreeSet<>();
      }
      ids.addAll(more);
    }

    void addSpelling(String s) {
      if (spelling == null || spelling.equals(s)) {
        spelling = s;
        spellingCount++;
        return;
      }
      if (otherSpellings == null) {
        otherSpellings = new HashMap<>(4);
      }
      otherSpellings.merge(s, 1, Integer::sum);
    }

    List<String> papers() {
      return paperIds.stream().distinct().toList();
    }

    /**
     * Spellings, most used first, then the fullest ("Yang Yang" before "Y. Yang"), then in
     * alphabetical order, so the choice does not depend on the order of the input.
     */
    List<String> variants() {
      Map<String, Integer> counts = new HashMap<>(otherSpellings == null ? Map.of() : otherSpellings);
      if (spelling != null) {
        counts.put(spelling, spellingCount);
      }
      List<String> out = new ArrayList<>(counts.keySet());
      out.sort(Comparator.comparing((String s) -> -counts.get(s)).thenComparing(s -> -s.length())
          .thenComparing(Comparator.naturalOrder()));
      if (profileName != null) {
        out.remove(profileName);
        out.add(0, profileName);
      }
      return out;
    }
  }

  ResearcherResolver(List<ProfilePage> pages, List<Byline> bylines) {
    papers = bylines.toArray(Byline[]::new);
    resolved = new Entity[papers.length][];
    Identities same = new Identities();
    linkPages(pages, papers, same);
    for (Byline m : papers) {
      for (int a = 0; a < m.size(); a++) {
        List<Identifier> ids = m.ids(a);
        for (int i = 1; i < ids.size(); i++) {
          same.union(ids.get(0).key(), ids.get(i).key());
        }
      }
    }
    linkOwners(pages, papers, same);

    // One entity per group that holds a page or an identifier.
    Map<String, Entity> byRoot = new HashMap<>();
    Map<String, List<Entity>> byKey = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      ProfilePage page = pages.get(p);
      Entity e = byRoot.get(same.find(pageNode(p)));
      if (e == null) {
        e = new Entity();
        e.profileName = page.name();
        e.nameKey = TextKeys.nameKey(page.name());
        byRoot.put(same.find(pageNode(p)), e);
        entities.add(e);
        byKey.computeIfAbsent(e.nameKey, k -> new ArrayList<>(1)).add(e);
        profileEntities++;
      }
      e.addProfile(new ProfileSnapshot(page.source(), page.layout(), page.name(), page.tagline(), page.stats()));
      e.addIds(page.ids());
    }
    Map<Integer, Entity> entityOfPage = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      entityOfPage.put(p, byRoot.get(same.find(pageNode(p))));
    }

    // Identified authors first, so that name-only ones can be told which identified people exist.
    List<Entity> identifiedOnly = new ArrayList<>();
    for (int pi = 0; pi < papers.length; pi++) {
      Byline m = papers[pi];
      Entity[] es = new Entity[m.size()];
      for (int i = 0; i < es.length; i++) {
        if (!m.identified(i)) {
          continue;
        }
        String root = same.find(primaryKey(m.ids(i)));
        Entity e = byRoot.get(root);
        if (e == null) {
          e = new Entity();
          byRoot.put(root, e);
          entities.add(e);
          identifiedOnly.add(e);
        }
        e.addIds(m.ids(i));
        m.spellings(i).forEach(e::addSpelling);
        e.paperIds.add(m.paperId());
        es[i] = e;
      }
      resolved[pi] = es;
    }
    Map<String, List<Entity>> identifiedByKey = new HashMap<>();
    for (Entity e : identifiedOnly) {
      e.nameKey = TextKeys.nameKey(e.name());
      identifiedByKey.computeIfAbsent(e.nameKey, k -> new ArrayList<>(1)).add(e);
    }

    for (int pi = 0; pi < papers.length; pi++) {
      Byline m = papers[pi];
      Set<Entity> owners = m.pages().isEmpty() ? Set.of() : new HashSet<>();
      m.pages().forEach(p -> owners.add(entityOfPage.get(p)));
      Entity[] es = resolved[pi];
      for (int i = 0; i < es.length; i++) {
        if (es[i] == null) {
          Entity e = resolveName(TextKeys.nameKey(m.name(i)), owners, byKey, identifiedByKey);
          m.spellings(i).forEach(e::addSpelling);
          e.paperIds.add(m.paperId());
          es[i] = e;
        }
      }
    }
    assignIds();
  }

  /** An author's node: their ORCID when they have one (it decides between groups), else their first id. */
  private static String primaryKey(List<Identifier> ids) {
    return ids.stream().filter(i -> i.kind() == Identifier.Kind.ORCID).findFirst().orElse(ids.get(0)).key();
  }

  private static String pageNode(int p) {
    return "page:" + p;
  }

  /** Pages of one name that share a paper, and pages that show the same ORCID. */
  private static void linkPages(List<ProfilePage> pages, Byline[] papers, Identities same) {
    Map<Integer, Set<String>> paperIdsOfPage = new HashMap<>();
    for (Byline m : papers) {
      for (int p : m.pages()) {
        paperIdsOfPage.computeIfAbsent(p, k -> new HashSet<>()).add(m.paperId());
      }
    }
    Map<String, List<Integer>> pagesByKey = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      same.find(pageNode(p));
      pagesByKey.computeIfAbsent(TextKeys.nameKey(pages.get(p).name()), k -> new ArrayList<>()).add(p);
      for (Identifier id : pages.get(p).ids()) {
        same.union(pageNode(p), id.key());
      }
    }
    for (List<Integer> namesakes : pagesByKey.values()) {
      for (int i = 0; i < namesakes.size(); i++) {
        for (int j = i + 1; j < namesakes.size(); j++) {
          Set<String> a = paperIdsOfPage.getOrDefault(namesakes.get(i), Set.of());
          Set<String> b = paperIdsOfPage.getOrDefault(namesakes.get(j), Set.of());
          if (a.stream().anyMatch(b::contains)) {
            same.union(pageNode(namesakes.get(i)), pageNode(namesakes.get(j)));
          }
        }
      }
    }
  }

  /** A page's owner is the one identified author of their name on a paper the page lists. */
  private static void linkOwners(List<ProfilePage> pages, Byline[] papers, Identities same) {
    for (Byline m : papers) {
      for (int p : m.pages()) {
        String owner = TextKeys.nameKey(pages.get(p).name());
        int named = -1;
        int count = 0;
        for (int a = 0; a < m.size(); a++) {
          if (m.identified(a) && TextKeys.nameKey(m.name(a)).equals(owner)) {
            named = a;
            count++;
          }
        }
        if (count == 1) {
          same.union(pageNode(p), primaryKey(m.ids(named)));
        }
      }
    }
  }

  private Entity resolveName(String key, Set<Entity> owners, Map<String, List<Entity>> byKey,
      Map<String, List<Entity>> identifiedByKey) {
    List<Entity> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>(1)); // nearly every name is one person
    for (Entity e : candidates) {
      if (owners.contains(e)) {
        return e;
      }
    }
    List<Entity> withProfile = candidates.stream().filter(e -> !e.profiles.isEmpty()).toList();
    if (withProfile.size() == 1) {
      return withProfile.get(0);
    }
    List<Entity> identified = identifiedByKey.getOrDefault(key, List.of());
    if (withProfile.isEmpty() && identified.size() == 1) {
      return identified.get(0);
    }
    // No profile, or several namesakes with profiles and nothing to tell them apart: a name-only researcher.
    for (Entity e : candidates) {
      if (e.profiles.isEmpty()) {
        return e;
      }
    }
    Entity e = new Entity();
    e.nameKey = key;
    candidates.add(e);
    entities.add(e);
    return e;
  }

  /**
   * A researcher's id is their name's slug; namesakes (and names that are not plain ASCII) add a hash
   * of what sets them apart: their smallest identifier, else their first paper's id, so the id stays
   * the same from one run to the next.
   */
  private void assignIds() {
    Map<String, Integer> perKey = new HashMap<>();
    entities.forEach(e -> perKey.merge(e.nameKey, 1, Integer::sum));
    Map<Entity, String> ties = new HashMap<>();
    entities.forEach(e -> ties.put(e, tieKey(e)));
    entities.sort(Comparator.comparing((Entity e) -> e.nameKey).thenComparing(ties::get));
    Set<String> used = new HashSet<>();
    for (Entity e : entities) {
      String slug = TextKeys.slug(e.nameKey);
      boolean asciiName = slug.equals(e.nameKey.replace(' ', '-'));
      String id = asciiName && perKey.get(e.nameKey) == 1 ? slug : slug + "-" + TextKeys.hash(e.nameKey + "|" + ties.get(e), 6);
      while (!used.add(id)) {
        id = id + "-" + TextKeys.hash(id, 4);
      }
      e.id = id;
    }
  }

  private static String tieKey(Entity e) {
    return e.ids.isEmpty() ? e.paperIds.stream().min(String::compareTo).orElse("") : e.ids.iterator().next().key();
  }

  /**
   * The authorships of the paper at {@code index}, which the resolver then forgets: only the
   * researchers are needed after.
   */
  List<Authorship> takeAuthorships(int index) {
    Byline m = papers[index];
    Entity[] es = resolved[index];
    papers[index] = null;
    resolved[index] = null;
    List<Authorship> out = new ArrayList<>(es.length);
    for (int i = 0; i < es.length; i++) {
      out.add(new Authorship(m.name(i), es[i].id));
    }
    return out;
  }

  /**
   * The researchers, sorted by id; put aside through {@code onDisk} when it is given (all but those
   * with profiles), each entity let go of as soon as its researcher is written.
   */
  List<Researcher> researchers(SpilledRecords.Writer<Researcher> onDisk) throws IOException {
    if (onDisk == null) {
      List<Researcher> out = new ArrayList<>(entities.stream().map(ResearcherResolver::researcher).toList());
      out.sort(Comparator.comparing(Researcher::id));
      return out;
    }
    for (int i = 0; i < entities.size(); i++) {
      Researcher r = researcher(entities.set(i, null));
      if (r.hasProfile()) {
        onDisk.keep(r.id(), r);
      } else {
        onDisk.add(r.id(), RecordCodec.researcher(r), 0);
      }
    }
    entities.clear();
    return onDisk.finish((bytes, unused) -> RecordCodec.researcher(bytes));
  }

  private static Researcher researcher(Entity e) {
    return new Researcher(e.id, e.name(), e.nameKey, e.profiles, e.papers(), List.copyOf(e.ids),
        e.variants().isEmpty() ? List.of(e.name()) : e.variants());
  }

  int profileEntityCount() {
    return profileEntities;
  }

  /** Groups of pages and identifier keys; a union that would join two different ORCIDs is refused. */
  private static final class Identities {
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Set<String>> orcids = new HashMap<>();

    String find(String x) {
      if (!parent.containsKey(x)) {
        parent.put(x, x);
        if (x.startsWith(Identifier.Kind.ORCID.label() + ":")) {
          orcids.put(x, new TreeSet<>(Set.of(x)));
        }
        return x;
      }
      String root = x;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      for (String c = x; !c.equals(root); ) {
        String next = parent.get(c);
        parent.put(c, root);
        c = next;
      }
      return root;
    }

    boolean union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (ra.equals(rb)) {
        return true;
      }
      Set<String> oa = orcids.getOrDefault(ra, Set.of());
      Set<String> ob = orcids.getOrDefault(rb, Set.of());
      if (!oa.isEmpty() && !ob.isEmpty() && !oa.equals(ob)) {
        return false;
      }
      // The smaller key is the root, so the grouping does not depend on the order of the unions.
      String root = ra.compareTo(rb) < 0 ? ra : rb;
      String child = root.equals(ra) ? rb : ra;
      parent.put(child, root);
      Set<String> merged = new TreeSet<>(oa);
      merged.addAll(ob);
      orcids.remove(child);
      if (!merged.isEmpty()) {
        orcids.put(root, merged);
      }
      return true;
    }
  }
}
