package dev.scholarsearch.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a cluster is: {@code solr://HOST:PORT[,HOST:PORT...]/NAME}. The hosts are Solr nodes to
 * start from (the others are learned from the cluster); NAME is the alias the project reads and
 * swaps on a rebuild.
 *
 * @param hosts {@code host:port} of each node given, at least one
 * @param name the alias of the collection
 */
public record EngineUrl(List<String> hosts, String name) {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:]+\\]:\\d{1,5}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");

  public EngineUrl {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("an engine URL names at least one host:port");
    }
  }

  /** Parses {@code solr://h:p[,h:p...]/name}; the message of a bad one names what is wrong. */
  public static EngineUrl parse(String url) {
    String example = "; write it as solr://HOST:PORT/NAME, e.g. solr://127.0.0.1:8983/papers";
    if (url == null || !url.startsWith("solr://")) {
      throw new IllegalArgumentException("engine URL '" + url + "' does not start with solr:// (SolrCloud is the one "
          + "engine supported)" + example);
    }
    String rest = url.substring("solr://".length());
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("engine URL '" + url + "' names no collection after the hosts" + example);
    }
    String name = rest.substring(slash + 1);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("engine URL '" + url + "': " + badName(name) + example);
    }
    List<String> hosts = Arrays.stream(rest.substring(0, slash).split(",")).map(String::trim).toList();
    for (String h : hosts) {
      if (!HOST.matcher(h).matches()) {
        throw new IllegalArgumentException("engine URL '" + url + "': '" + h + "' is not HOST:PORT" + example);
      }
    }
    return new EngineUrl(hosts, name);
  }

  /** {@code name}, when it can name a collection alias; else what is wrong with it. */
  public static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(badName(name));
    }
    return name;
  }

  private static String badName(String name) {
    return "'" + name + "' is not a collection name (letters, digits, '_' and '-', at most 64, not starting with '_' "
        + "or '-')";
  }

  @Override
  public String toString() {
    return "solr://" + String.join(",", hosts) + "/" + name;
  }
}
