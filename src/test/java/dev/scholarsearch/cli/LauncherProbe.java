package dev.scholarsearch.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Stands in for scholar-search behind the {@code scholar} launcher in {@link LauncherTest}: prints
 * to both streams, reads stdin, exits with a chosen status, or waits to be stopped.
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "streams" -> {
        System.out.println("to stdout");
        System.err.println("to stderr");
        System.exit(Integer.parseInt(args[1]));
      }
      case "stdin" -> System.out.println("read: " + new BufferedReader(new InputStreamReader(System.in)).readLine());
      case "wait" -> {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("probe: shut down cleanly")));
        System.out.println("ready " + ProcessHandle.current().pid());
        Thread.sleep(60_000);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
