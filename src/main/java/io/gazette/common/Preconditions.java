package io.gazette.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The preconditions a write carries (RFC 9110 section 13.2.2): {@code If-Match}, or without it
 * {@code If-Unmodified-Since}; then {@code If-None-Match}, which a write fails when it matches (so
 * {@code If-None-Match: *} fails on every stored article or comment). An {@code
 * If-Unmodified-Since} that is not an HTTP-date is ignored, as the RFC says. Resource methods take
 * it as a {@code @BeanParam}.
 */
public record Preconditions(
    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
    @HeaderParam(HttpHeaders.IF_UNMODIFIED_SINCE) String ifUnmodifiedSince) {

  /** The conditions of a read, which only {@code If-Match} and {@code If-Unmodified-Since} fail. */
  public static Preconditions ofRead(String ifMatch, String ifUnmodifiedSince) {
    return new Preconditions(ifMatch, null, ifUnmodifiedSince);
  }

  /**
   * Throws 412 when the request must not go ahead on the current representation.
   *
   * @param resource what the request addresses, for the problem's detail ("article", "comment")
   * @param current whether a strong tag names the current representation
   * @param lastModified when it last changed (compared to the second, as Last-Modified says it)
   * @param currentTag the current representation's ETag, named in the problem's detail
   */
  public void check(
      String resource, Predicate<String> current, Instant lastModified, String currentTag) {
    Optional<String> failure = failure(current, lastModified);
    if (failure.isPresent()) {
      throw new ApiException(
          ProblemType.PRECONDITION_FAILED,
          "The " + resource + " " + failure.get() + " (current ETag " + currentTag + ")");
    }
  }

  /** Why the request must not go ahead on the current representation, or empty when it may. */
  private Optional<String> failure(Predicate<String> current, Instant lastModified) {
    if (ifMatch != null) {
      if (!EntityTags.matchHolds(ifMatch, current)) {
        return Optional.of("has changed since you read it");
      }
    } else {
      Optional<Instant> since = Times.parseHttpDate(ifUnmodifiedSince);
      if (since.isPresent() && lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since.get())) {
        return Optional.of("has changed since " + ifUnmodifiedSince.strip());
      }
    }
    if (EntityTags.noneMatchHits(ifNoneMatch, current)) {
      return Optional.of("exists and matches If-None-Match");
    }
    return Optional.empty();
  }
}
