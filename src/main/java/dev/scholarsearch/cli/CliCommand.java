package dev.scholarsearch.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A subcommand of {@code scholar}. It writes to the streams {@link Main} hands it, so that tests run
 * commands in-process and read what they printed.
 */
abstract class CliCommand implements Callable<Integer> {
  PrintStream out = System.out;
  PrintStream err = System.err;

  /** This command, writing results to {@code out} and progress and errors to {@code err}. */
  final CliCommand writingTo(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    return this;
  }
}
