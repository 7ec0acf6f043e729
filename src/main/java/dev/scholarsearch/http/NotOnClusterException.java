package dev.scholarsearch.http;

/** A kind of question the cluster backend does not answer yet: 501, naming it. */
final class NotOnClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotOnClusterException(String what) {
    super(what + " do not run on the cluster backend yet; search in every mode, papers, similar papers, researchers by topic, profiles and health do. "
        + "Serve a local index (scholar serve without --engine) for the rest");
  }
}
