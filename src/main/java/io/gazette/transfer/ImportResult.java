package io.gazette.transfer;

/** What an import stored. Counters were computed from the imported comments. */
public record ImportResult(long articles, long comments) {}
