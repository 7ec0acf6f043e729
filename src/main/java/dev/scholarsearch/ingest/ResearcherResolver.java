package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.ProfileSnapshot;
import dev.scholarsearch.model.Researcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds researchers from page owners and author names, then resolves every authorship to one of them. */
final class ResearcherResolver {
  private final Map<String, List<Entity>> byKey = new HashMap<>();
  private final List<Entity> entities = new ArrayList<>();
  private final Map<MergedPaper, List<Entity>> resolved = new HashMap<>();
  private int profileEntities;

  private static final class Entity {
    final String nameKey;
    final List<ProfileSnapshot> profiles = new ArrayList<>();
    final Set<String> paperIds = new LinkedHashSet<>();
    final Map<String, Integer> spellings = new LinkedHashMap<>();
    String id;
    String profileName;

    Entity(String nameKey) {
      this.nameKey = nameKey;
    }

    String name() {
      if (profileName != null) {
        return profileName;
      }
      return spellings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(nameKey);
    }
  }

  ResearcherResolver(List<ProfilePage> pages, List<MergedPaper> papers) {
    Map<Integer, Set<String>> paperIdsOfPage = new HashMap<>();
    for (MergedPaper m : papers) {
      for (int p : m.pages) {
        paperIdsOfPage.computeIfAbsent(p, k -> new HashSet<>()).add(m.id);
      }
    }
    UnionFind same = new UnionFind(pages.size());
    Map<String, List<Integer>> pagesByKey = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      pagesByKey.computeIfAbsent(TextKeys.nameKey(pages.get(p).name()), k -> new ArrayList<>()).add(p);
    }
    for (List<Integer> namesakes : pagesByKey.values()) {
      for (int i = 0; i < namesakes.size(); i++) {
        for (int j = i + 1; j < namesakes.size(); j++) {
          Set<String> a = paperIdsOfPage.getOrDefault(namesakes.get(i), Set.of());
          Set<String> b = paperIdsOfPage.getOrDefault(namesakes.get(j), Set.of());
          if (a.stream().anyMatch(b::contains)) {
            same.union(namesakes.get(i), namesakes.get(j));
          }
        }
      }
    }
    Map<Integer, Entity> pageEntity = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      int root = same.find(p);
      ProfilePage page = pages.get(p);
      Entity e = pageEntity.get(root);
      if (e == null) {
        e = new Entity(TextKeys.nameKey(page.name()));
        e.profileName = page.name();
        pageEntity.put(root, e);
        entities.add(e);
        byKey.computeIfAbsent(e.nameKey, k -> new ArrayList<>()).add(e);
        profileEntities++;
      }
      e.profiles.add(new ProfileSnapshot(page.source(), page.layout(), page.name(), page.tagline(), page.stats()));
    }
    Map<Integer, Entity> entityOfPage = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      entityOfPage.put(p, pageEntity.get(same.find(p)));
    }

    for (MergedPaper m : papers) {
      Set<Entity> owners = new HashSet<>();
      m.pages.forEach(p -> owners.add(entityOfPage.get(p)));
      List<Entity> authors = new ArrayList<>();
      for (String name : m.authorNames) {
        Entity e = resolve(TextKeys.nameKey(name), owners);
        e.spellings.merge(name, 1, Integer::sum);
        e.paperIds.add(m.id);
        authors.add(e);
      }
      resolved.put(m, authors);
    }
    assignIds();
  }

  private Entity resolve(String key, Set<Entity> owners) {
    List<Entity> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>());
    for (Entity e : candidates) {
      if (owners.contains(e)) {
        return e;
      }
    }
    List<Entity> withProfile = candidates.stream().filter(e -> !e.profiles.isEmpty()).toList();
    if (withProfile.size() == 1) {
      return withProfile.get(0);
    }
    // No profile, or several namesakes with profiles and nothing to tell them apart: a name-only researcher.
    for (Entity e : candidates) {
      if (e.profiles.isEmpty()) {
        return e;
      }
    }
    Entity e = new Entity(key);
    candidates.add(e);
    entities.add(e);
    return e;
  }

  private void assignIds() {
    Set<String> used = new HashSet<>();
    entities.sort(Comparator.comparing((Entity e) -> e.nameKey)
        .thenComparing(e -> e.paperIds.stream().min(String::compareTo).orElse("")));
    for (Entity e : entities) {
      String slug = TextKeys.slug(e.nameKey);
      boolean asciiName = slug.equals(e.nameKey.replace(' ', '-'));
      boolean namesakes = byKey.getOrDefault(e.nameKey, List.of()).size() > 1;
      String id = asciiName && !namesakes ? slug
          : slug + "-" + TextKeys.hash(e.nameKey + "|" + e.paperIds.stream().min(String::compareTo).orElse(""), 6);
      while (!used.add(id)) {
        id = id + "-" + TextKeys.hash(id, 4);
      }
      e.id = id;
    }
  }

  List<Authorship> authorships(MergedPaper m) {
    List<Authorship> out = new ArrayList<>();
    List<Entity> es = resolved.get(m);
    for (int i = 0; i < es.size(); i++) {
      out.add(new Authorship(m.authorNames.get(i), es.get(i).id));
    }
    return out;
  }

  List<Researcher> researchers() {
    List<Researcher> out = new ArrayList<>();
    for (Entity e : entities) {
      out.add(new Researcher(e.id, e.name(), e.nameKey, e.profiles, List.copyOf(e.paperIds)));
    }
    out.sort(Comparator.comparing(Researcher::id));
    return out;
  }

  int profileEntityCount() {
    return profileEntities;
  }
}
