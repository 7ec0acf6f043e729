package dev.scholarsearch.ingest;

import java.util.Map;
import java.util.Set;

/**
 * Turns the LaTeX found in abstracts and titles into readable plain text: formatting commands keep
 * their argument, {@code \href{url}{text}} keeps the text, citations are dropped, and inline math
 * loses its dollars but stays readable ({@code $O(1/n^2)$} becomes {@code O(1/n^2)}).
 *
 * <p>It is a small scanner, not a TeX engine: anything it does not know is kept as text, and
 * unbalanced or absurdly nested braces never throw (nesting beyond {@link #MAX_DEPTH} is flattened).
 */
public final class LatexCleaner {
  static final int MAX_DEPTH = 32;

  /** Commands whose single argument is the visible text. */
  private static final Set<String> KEEP_ARGUMENT = Set.of(
      "emph", "textbf", "textit", "texttt", "textsc", "textsf", "textrm", "textup", "textnormal",
      "underline", "text", "mbox", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal",
      "mathbb", "boldsymbol", "operatorname", "footnote");

  /** Font and layout declarations ({@code {\\em word}}): they style what follows and say nothing themselves. */
  private static final Set<String> DECLARATIONS = Set.of(
      "em", "bf", "it", "sl", "sc", "rm", "sf", "tt", "bfseries", "itshape", "mdseries", "upshape", "scshape",
      "normalfont", "tiny", "small", "footnotesize", "large", "Large", "huge", "centering", "noindent", "par",
      "newline", "relax", "protect");

  /** Commands dropped together with their argument. */
  private static final Set<String> DROP_WITH_ARGUMENT = Set.of(
      "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "nocite",
      "label", "ref", "eqref", "cref", "Cref", "autoref", "footnotemark", "vspace", "hspace");

  /** Symbols, so that math reads naturally. */
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("cdot", " · "), Map.entry("times", " × "), Map.entry("leq", " ≤ "), Map.entry("le", " ≤ "),
      Map.entry("geq", " ≥ "), Map.entry("ge", " ≥ "), Map.entry("neq", " ≠ "), Map.entry("approx", " ≈ "),
      Map.entry("sim", " ~ "), Map.entry("pm", " ± "), Map.entry("to", " → "), Map.entry("rightarrow", " → "),
      Map.entry("leftarrow", " ← "), Map.entry("infty", "∞"), Map.entry("ldots", "…"), Map.entry("dots", "…"),
      Map.entry("cdots", "…"), Map.entry("in", " ∈ "), Map.entry("log", "log"), Map.entry("exp", "exp"),
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"),
      Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
      Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("psi", "ψ"),
      Map.entry("omega", "ω"), Map.entry("Delta", "Δ"), Map.entry("Omega", "Ω"), Map.entry("Sigma", "Σ"),
      Map.entry("sqrt", "√"), Map.entry("sum", "Σ"), Map.entry("prod", "Π"), Map.entry("quad", " "),
      Map.entry("LaTeX", "LaTeX"), Map.entry("TeX", "TeX"));

  /** Accents written with a symbol ({@code \\"o}, {@code \\'{e}}), as combining marks. */
  private static final Map<Character, Character> SYMBOL_ACCENTS = Map.of(
      '"', '\u0308', '\'', '\u0301', '`', '\u0300', '^', '\u0302', '~', '\u0303', '=', '\u0304', '.', '\u0307');

  /** Accents written with a letter ({@code \\c{c}}, {@code \\v{s}}), as combining marks; they need a braced argument. */
  private static final Map<String, Character> LETTER_ACCENTS = Map.of(
      "c", '\u0327', "v", '\u030C', "u", '\u0306', "H", '\u030B', "k", '\u0328', "r", '\u030A', "d", '\u0323',
      "b", '\u0331');

  /** Letters BibTeX writes as commands ({@code \\ss}, {@code \\o}, {@code {\\aa}}). */
  private static final Map<String, String> LETTERS = Map.ofEntries(
      Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("aa", "å"), Map.entry("AA", "Å"),
      Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("l", "ł"),
      Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"));

  private LatexCleaner() {}

  /** The readable text, with whitespace collapsed to single spaces. */
  public static String clean(String latex) {
    if (latex.indexOf('\\') < 0 && latex.indexOf('$') < 0 && latex.indexOf('{') < 0 && latex.indexOf('}') < 0) {
      return collapse(latex);
    }
    StringBuilder out = new StringBuilder(latex.length());
    Scanner scanner = new Scanner(latex);
    scanner.run(out, 0, latex.length(), 0);
    String text = scanner.accented ? java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC) : out.toString();
    return collapse(text);
  }

  /**
   * Each run of ASCII whitespace as one space, none before {@code .,;:!?)} or after {@code (},
   * stripped. One pass over the characters: the two regular expressions this was before took a
   * third of reading and merging the 86k real corpus (JFR), every title and abstract going through
   * them. {@code LatexCleanerTest} checks it against them on random strings.
   */
  static String collapse(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < n && isSpace(s.charAt(end))) {
        end++;
      }
      char before = i > 0 ? s.charAt(i - 1) : 0;
      boolean keep = !(end < n && CLOSING.indexOf(s.charAt(end)) >= 0) && before != '(';
      if (out == null && (c != ' ' || end > i + 1 || !keep)) {
        out = new StringBuilder(n).append(s, 0, i); // the first change: copy what came before it
      }
      if (out != null && keep) {
        out.append(' ');
      }
      i = end - 1;
    }
    return (out == null ? s : out.toString()).strip();
  }

  /** What {@code \\s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
  }

  private static final String CLOSING = ".,;:!?)";

  private static final class Scanner {
    private final String s;
    /** Whether a combining mark was written, so the text needs composing (NFC) at the end. */
    boolean accented;
    /** For each '{', the index of its '}' (-1: none); computed on the first group asked for. */
    private int[] closing;
    /** The first ']' at or after {@link #bracketFrom} (-1: none), for {@link #skipOptional}. */
    private int bracketFrom = Integer.MAX_VALUE;
    private int bracketAt;

    Scanner(String s) {
      this.s = s;
    }

    void run(StringBuilder out, int from, int to, int depth) {
      int i = from;
      while (i < to) {
        char c = s.charAt(i);
        if (c == '\\') {
          i = command(out, i, to, depth);
        } else if (c == '$') {
          int close = closingDollar(i, to);
          if (close < 0) {
            out.append(c);
            i++;
          } else {
            int start = i + 1;
            while (start < close && s.charAt(start) == '$') {
              start++;
            }
            run(out, start, close, depth + 1);
            i = close + 1;
            while (i < to && s.charAt(i) == '$') {
              i++;
            }
          }
        } else if (c == '{' || c == '}') {
          i++; // grouping braces carry no text
        } else if (c == '~') {
          out.append(' ');
          i++;
        } else {
          out.append(c);
          i++;
        }
      }
    }

    /** Handles a backslash at {@code i}; returns the index after what it consumed. */
    private int command(StringBuilder out, int i, int to, int depth) {
      int j = i + 1;
      if (j >= to) {
        return j;
      }
      char next = s.charAt(j);
      Character mark = SYMBOL_ACCENTS.get(next);
      if (mark != null) {
        int end = accent(out, j + 1, to, mark);
        if (end > 0) {
          return end;
        }
      }
      if (!Character.isLetter(next)) {
        switch (next) {
          case '\\', ',', ';', ' ', '!' -> out.append(' ');
          default -> out.append(next); // \% \& \_ \$ \# \{ \}
        }
        return j + 1;
      }
      while (j < to && Character.isLetter(s.charAt(j))) {
        j++;
      }
      String name = s.substring(i + 1, j);
      Character letterMark = LETTER_ACCENTS.get(name);
      if (letterMark != null) {
        int k = j;
        while (k < to && s.charAt(k) == ' ') {
          k++;
        }
        if (k < to && s.charAt(k) == '{') {
          int end = accent(out, k, to, letterMark);
          if (end > 0) {
            return end;
          }
        }
      }
      if (DECLARATIONS.contains(name)) {
        out.append(' ');
        return j < to && s.charAt(j) == ' ' ? j + 1 : j;
      }
      String letter = LETTERS.get(name);
      if (letter != null) {
        out.append(letter);
        // A control word swallows the space after it: "\\o ystein" is "øystein".
        return j + 1 < to && s.charAt(j) == ' ' && Character.isLetter(s.charAt(j + 1)) ? j + 1 : j;
      }
      if (name.equals("href")) {
        int[] url = group(j, to);
        if (url != null) {
          int[] text = group(url[1], to);
          if (text != null) {
            nested(out, text[0] + 1, text[1] - 1, depth);
            return text[1];
          }
          return url[1];
        }
        return j;
      }
      if (name.equals("url")) {
        int[] url = group(j, to);
        if (url != null) {
          out.append(s, url[0] + 1, url[1] - 1);
          return url[1];
        }
        return j;
      }
      if (DROP_WITH_ARGUMENT.contains(name) || name.startsWith("cite")) {
        int k = skipOptional(j, to);
        int[] arg = group(k, to);
        trimTrailingSpace(out);
        return arg == null ? k : arg[1];
      }
      if (KEEP_ARGUMENT.contains(name)) {
        int[] arg = group(j, to);
        if (arg != null) {
          nested(out, arg[0] + 1, arg[1] - 1, depth);
          return arg[1];
        }
        return j;
      }
      String symbol = SYMBOLS.get(name);
      out.append(symbol != null ? symbol : name);
      return j;
    }

    /**
     * Writes the letter at {@code k} ({@code o}, {@code {o}}, {@code {\\i}}) with {@code mark} on it;
     * returns the index after it, or -1 when no letter follows (the accent is then kept as it was).
     */
    private int accent(StringBuilder out, int k, int to, char mark) {
      boolean braced = k < to && s.charAt(k) == '{';
      int b = braced ? k + 1 : k;
      if (b >= to) {
        return -1;
      }
      char base = s.charAt(b);
      int after = b + 1;
      if (base == '\\' && b + 1 < to && (s.charAt(b + 1) == 'i' || s.charAt(b + 1) == 'j')
          && (b + 2 >= to || !Character.isLetter(s.charAt(b + 2)))) {
        base = s.charAt(b + 1); // a dotless i under an accent is just an i with the accent
        after = b + 2;
        if (!braced && after + 1 < to && s.charAt(after) == ' ' && Character.isLetter(s.charAt(after + 1))) {
          after++; // the control word \i swallows the space after it
        }
      } else if (!Character.isLetter(base)) {
        return -1;
      }
      if (braced) {
        if (after >= to || s.charAt(after) != '}') {
          return -1;
        }
        after++;
      }
      out.append(base).append(mark);
      accented = true;
      return after;
    }

    private void nested(StringBuilder out, int from, int to, int depth) {
      if (depth >= MAX_DEPTH) {
        for (int k = from; k < to; k++) {
          char c = s.charAt(k);
          if (c != '{' && c != '}' && c != '\\') {
            out.append(c);
          }
        }
      } else {
        run(out, from, to, depth + 1);
      }
    }

    /** The span [open, afterClose) of a brace group starting at {@code i} (after spaces), or null. */
    private int[] group(int i, int to) {
      int k = i;
      while (k < to && s.charAt(k) == ' ') {
        k++;
      }
      if (k >= to || s.charAt(k) != '{') {
        return null;
      }
      int close = closingBraces()[k];
      return close >= 0 && close < to ? new int[] {k, close + 1} : null; // unbalanced: the caller keeps the text
    }

    /**
     * Every brace's partner, in one pass with a stack (a backslash escapes the character after it).
     * Scanning forward from each command for its brace instead was quadratic on unbalanced input:
     * 20,000 unclosed {@code \emph{} in one abstract took 1.4 s, 100 KB of them half a minute.
     * The pairs are those a scan from each '{' finds: a group is never called on an escaped brace.
     */
    private int[] closingBraces() {
      if (closing == null) {
        int n = s.length();
        closing = new int[n];
        int[] open = new int[16];
        int depth = 0;
        for (int m = 0; m < n; m++) {
          char c = s.charAt(m);
          if (c == '\\') {
            m++;
          } else if (c == '{') {
            closing[m] = -1;
            if (depth == open.length) {
              open = java.util.Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = m;
          } else if (c == '}' && depth > 0) {
            closing[open[--depth]] = m;
          }
        }
      }
      return closing;
    }

    private int skipOptional(int i, int to) {
      if (i < to && s.charAt(i) == '[') {
        // The first ']' from i on, remembered: a run of unclosed \cite[ would search to the end each time.
        if (i < bracketFrom || (bracketAt >= 0 && i > bracketAt)) {
          bracketFrom = i;
          bracketAt = s.indexOf(']', i);
        }
        int close = bracketAt;
        if (close > 0 && close < to) {
          return close + 1;
        }
      }
      return i;
    }

    /** The matching '$' for inline math, searched within a short window so a stray dollar stays literal. */
    private int closingDollar(int open, int to) {
      int k = open + 1;
      while (k < to && s.charAt(k) == '$') {
        k++;
      }
      int limit = Math.min(to, k + 400);
      for (int m = k; m < limit; m++) {
        char c = s.charAt(m);
        if (c == '\\') {
          m++;
        } else if (c == '$') {
          return m;
        } else if (c == '\n') {
          return -1;
        }
      }
      return -1;
    }

    private static void trimTrailingSpace(StringBuilder out) {
      while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }
  }
}
