package dev.scholarsearch.search;

/** A type-ahead suggestion: the text, what it is ("paper", "researcher", "topic") and the id to open. */
public record Suggestion(String text, String kind, String id) {}
