package io.gazette.common;

/** One rejected input field, named as the client wrote it ({@code title}, {@code tags[2]}). */
public record FieldError(String field, String message) {}
