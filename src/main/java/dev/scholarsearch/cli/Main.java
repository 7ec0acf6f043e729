package dev.scholarsearch.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scholar} command: the one place that wires ingest, index, search and the server together. */
@Command(name = "scholar", mixinStandardHelpOptions = true, version = "scholar-search 0.1.0",
    description = {"Self-hosted search and ranking for research literature.",
      "With no arguments, serves the API and web page on http://127.0.0.1:7070; 'scholar serve --help' says more.", ""},
    footer = {"", "Run 'scholar COMMAND --help' for the options of a command."})
public final class Main implements Runnable {
  /** Lucene logs its SIMD set-up at INFO on every start; held here so the level sticks (loggers are weakly kept). */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  private final PrintStream out;

  private Main(PrintStream out) {
    this.out = out;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out); // reached only through options such as a lone --verbose; no arguments means serve
  }

  /** Runs the command line and returns the exit code: 0 ok, 1 a fatal error, 2 bad usage. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new Main(out))
        .addSubcommand(new IndexCommand().writingTo(out, err))
        .addSubcommand(new SearchCommand().writingTo(out, err))
        .addSubcommand(new StatsCommand().writingTo(out, err))
        .addSubcommand(new ServeCommand().writingTo(out, err))
        .addSubcommand(new EvalCommand().writingTo(out, err))
        .addSubcommand(new ProxyCommand().writingTo(out, err))
        .addSubcommand(new BenchCommand().writingTo(out, err))
        .addSubcommand(new VectorBenchCommand().writingTo(out, err))
        .addSubcommand(new EmbedBenchCommand().writingTo(out, err))
        .addSubcommand(new LoadTestCommand().writingTo(out, err))
        .addSubcommand(new ClusterCommand().writingTo(out, err));
    listSettings(cli.getSubcommands().get("eval").getCommandSpec().usageMessage());
    // Every command takes --version (mixinStandardHelpOptions); without this, a command's printed nothing.
    cli.getSubcommands().values().forEach(c -> c.getCommandSpec().version(cli.getCommandSpec().version()));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setUsageHelpAutoWidth(true);
    cli.registerConverter(java.time.LocalDate.class, s -> {
      try {
        return java.time.LocalDate.parse(s);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + s + "' is not a date; use YYYY-MM-DD, e.g. 2026-11-22");
      }
    });
    cli.setParameterExceptionHandler((e, params) -> {
      CommandLine cmd = e.getCommandLine();
      err.println("error: " + e.getMessage());
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof dev.scholarsearch.index.InvalidRequestException || e instanceof IllegalArgumentException) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
        err.println("error: " + Errors.describe(e));
        return 1;
      }
      // A timeout or a model that cannot load is the user's condition to act on, not a bug: one line.
      if (e instanceof dev.scholarsearch.index.QueryTimeoutException
          || e instanceof dev.scholarsearch.embed.ModelNotReadyException) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cli.execute(args.length == 0 ? new String[] {"serve"} : args);
  }

  /** The --set knobs, with their defaults, after eval's examples: generated, so the list cannot go stale. */
  private static void listSettings(CommandLine.Model.UsageMessageSpec usage) {
    java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
    footer.add("");
    footer.add("Settings for --set NAME=VALUE (default, meaning):");
    // Picocli formats footer lines: a meaning's own '%' must be escaped.
    Settings.help().forEach(line -> footer.add(line.replace("%", "%%")));
    usage.footer(footer.toArray(String[]::new));
  }

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(System.out, System.err, args));
  }
}
