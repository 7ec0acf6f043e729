package dev.scholarsearch.http;

import dev.scholarsearch.search.Suggestion;
import dev.scholarsearch.search.TypeAhead;
import java.util.List;

/**
 * What a server on a cluster does not have yet, type-ahead: each request says so with a 501, rather
 * than answer from nothing.
 */
final class NotOnCluster implements TypeAhead {
  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    throw new NotOnClusterException("suggestions");
  }
}
