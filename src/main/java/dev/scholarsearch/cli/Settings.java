package dev.scholarsearch.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every ranking knob {@code eval --set NAME=VALUE} can turn, declared once: its name, the part of
 * {@link Tuning} and the record component it sets, and what it means. Reading and setting go
 * through the records themselves (their components and canonical constructors), so a knob needs no
 * hand-written getter or wither, and the records' constructors validate the values.
 */
final class Settings {
  /**
   * One knob.
   *
   * @param name its name in {@code --set}
   * @param part the {@link Tuning} component that holds it
   * @param component the component of that part
   * @param meaning what it does, for {@code --help}
   */
  record Setting(String name, String part, String component, String meaning) {
    /** Its value in {@code t}. */
    Object get(Tuning t) {
      return read(read(t, part), component);
    }

    /** {@code t} with this knob set to {@code value}; a value that is no good is an error naming the knob. */
    Tuning with(Tuning t, String value) {
      Record p = (Record) read(t, part);
      Object parsed = parse(componentOf(p, component).getType(), value.strip());
      try {
        return rebuilt(t, part, rebuilt(p, component, parsed));
      } catch (IllegalArgumentException outOfRange) {
        throw new IllegalArgumentException(name + "=" + value.strip() + " is out of range: " + outOfRange.getMessage());
      }
    }

    private Object parse(Class<?> type, String v) {
      try {
        if (type == int.class) {
          return Integer.parseInt(v);
        }
        if (type == float.class) {
          return Float.parseFloat(v);
        }
        if (type == double.class) {
          return Double.parseDouble(v);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be " + (type == int.class ? "a whole number" : "a number")
            + ", got '" + v + "'");
      }
      if (type == boolean.class) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
      }
      if (type.isEnum()) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> ((Enum<?>) e).name().equalsIgnoreCase(v)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(name + " must be " + choices(type) + ", got '" + v + "'"));
      }
      throw new IllegalStateException(name + " has a type --set cannot parse: " + type);
    }
  }

  static final List<Setting> ALL = List.of(
      new Setting("k1", "bm25", "k1", "BM25 term-frequency saturation"),
      new Setting("b", "bm25", "b", "BM25 length normalisation"),
      new Setting("title", "search", "titleWeight", "bonus weight of title matches"),
      new Setting("proximity", "search", "proximityWeight", "boost of query word pairs found close together (0: off)"),
      new Setting("slop", "search", "proximitySlop", "how many positions apart such a pair may be"),
      new Setting("fbDocs", "search", "feedbackDocs", "RM3: top papers to learn from (0: off)"),
      new Setting("fbTerms", "search", "feedbackTerms", "RM3: expansion terms"),
      new Setting("fbWeight", "search", "originalWeight", "RM3: the original query's share"),
      new Setting("lengthRef", "search", "lengthReference", "the record length (tokens) the bonuses are tuned for"),
      new Setting("mltMinTf", "similar", "minTermFreq", "similar: a term's least count in the query paper"),
      new Setting("mltMinDf", "similar", "minDocFreq", "similar: a term's least number of papers"),
      new Setting("mltMaxDfPct", "similar", "maxDocFreqPercent", "similar: a term's largest share of papers (%)"),
      new Setting("mltTerms", "similar", "maxQueryTerms", "similar: terms the query keeps"),
      new Setting("mltTitle", "similar", "titleBoost", "similar: bonus weight of title matches"),
      new Setting("mltCategory", "similar", "categoryBoost", "similar: weight of a shared category (0: off)"),
      new Setting("mltCoauthor", "similar", "coauthorBoost", "similar: weight of a shared author (0: off)"),
      new Setting("mltQtf", "similar", "weighByQueryCount", "similar: weigh terms by their count in the query paper"),
      new Setting("mltFbDocs", "similar", "feedbackDocs", "similar: RM3 feedback papers (0: off)"),
      new Setting("mltFbTerms", "similar", "feedbackTerms", "similar: RM3 expansion terms"),
      new Setting("mltFbWeight", "similar", "originalWeight", "similar: the chosen terms' share against RM3's"),
      new Setting("expertTop", "experts", "topPapers", "experts: how many best papers vote"),
      new Setting("expertAgg", "experts", "aggregation", "experts: how one researcher's votes combine"),
      new Setting("expertVolume", "experts", "volumeExponent", "experts: divide by paperCount^this (0: off)"),
      new Setting("expertRest", "experts", "restWeight", "experts: comb_max's share of the further papers"),
      new Setting("fusion", "hybrid", "method", "hybrid search: the fusion formula"),
      new Setting("lexShare", "hybrid", "lexicalShare", "hybrid search: the lexical side's share"),
      new Setting("minSim", "hybrid", "minSimilarity", "hybrid search: least cosine of a hit by meaning only"),
      new Setting("rrfK", "hybrid", "k", "hybrid search: the RRF constant"),
      new Setting("semWeight", "hybrid", "semanticWeight", "hybrid search: RRF weight of the semantic side"),
      new Setting("semDepth", "hybrid", "semanticDepth", "hybrid search: nearest papers fused"),
      new Setting("lexDepth", "hybrid", "lexicalDepth", "hybrid search: keyword matches fused"),
      new Setting("vfbDocs", "hybrid", "feedbackDocs", "hybrid search: vector feedback papers (0: off)"),
      new Setting("vfbWeight", "hybrid", "feedbackWeight", "hybrid search: the query vector's share after feedback"),
      new Setting("simFusion", "similarFusion", "method", "hybrid similar: the fusion formula"),
      new Setting("simLexShare", "similarFusion", "lexicalShare", "hybrid similar: the lexical side's share"),
      new Setting("simRrfK", "similarFusion", "k", "hybrid similar: the RRF constant"),
      new Setting("simSemWeight", "similarFusion", "semanticWeight", "hybrid similar: RRF weight of the semantic side"),
      new Setting("simSemDepth", "similarFusion", "semanticDepth", "hybrid similar: nearest papers fused"),
      new Setting("simLexDepth", "similarFusion", "lexicalDepth", "hybrid similar: keyword matches fused"));

  private static final Map<String, Setting> BY_NAME = ALL.stream()
      .collect(Collectors.toMap(Setting::name, s -> s, (a, b) -> a, LinkedHashMap::new));

  private Settings() {}

  static Optional<Setting> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** One line per knob for {@code --help}: its name, its default and what it does. */
  static List<String> help() {
    Tuning d = Tuning.defaults();
    int width = ALL.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    return ALL.stream().map(s -> String.format(Locale.ROOT, "  %-" + width + "s  %-8s %s", s.name(), shown(s.get(d)),
        s.meaning())).toList();
  }

  private static String shown(Object value) {
    return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
  }

  /** The names, with the choices of those that take a word. */
  static String names() {
    Tuning d = Tuning.defaults();
    return ALL.stream().map(s -> s.get(d) instanceof Enum<?> e ? s.name() + " (" + choices(e.getDeclaringClass()) + ")"
        : s.name()).collect(Collectors.joining(", "));
  }

  private static String choices(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }

  private static RecordComponent componentOf(Record r, String name) {
    return Arrays.stream(r.getClass().getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(r.getClass().getSimpleName() + " has no component " + name));
  }

  private static Object read(Object record, String component) {
    try {
      return componentOf((Record) record, component).getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code r} with one component replaced, made by its canonical constructor (which validates). */
  @SuppressWarnings("unchecked")
  private static <R extends Record> R rebuilt(R r, String component, Object value) {
    RecordComponent[] cs = r.getClass().getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      args[i] = cs[i].getName().equals(component) ? value : read(r, cs[i].getName());
    }
    try {
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return (R) canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw bad;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
