package dev.scholarsearch.search;

/** One facet value and how many matching papers have it. */
public record FacetValue(String value, int count) {}
