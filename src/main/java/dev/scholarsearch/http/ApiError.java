package dev.scholarsearch.http;

/** The one error shape: a short code and a message that says what was wrong and what is allowed. */
public record ApiError(String error, String message) {}
