package dev.scholarsearch.http;

import java.util.List;

/**
 * How the server is exposed.
 *
 * @param corsOrigins origins allowed to call the API from a browser; empty turns CORS off (the default)
 * @param maxBodyBytes the largest request body accepted
 * @param accessLog whether to log one line per request (off for benchmarks, whose logging would be the bottleneck)
 */
public record ServerOptions(List<String> corsOrigins, long maxBodyBytes, boolean accessLog) {
  public static final ServerOptions DEFAULT = new ServerOptions(List.of(), 64 * 1024, true);

  public ServerOptions {
    corsOrigins = List.copyOf(corsOrigins);
  }
}
