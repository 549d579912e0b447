package io.gazette.comment;

import io.gazette.common.ApiException;
import io.gazette.common.QueryParameters;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;

/**
 * The moderation queue's filters: {@code status} ({@code pending} when not given, {@code any} for
 * all) and optionally {@code articleId}, newest first.
 *
 * @param status null for any status
 * @param articleId null for every article
 */
record ModerationQuery(CommentStatus status, Long articleId, CommentPageRequest page) {

  static final Set<String> PARAMETERS = Set.of("status", "articleId", "limit", "cursor", "page");

  static ModerationQuery parse(MultivaluedMap<String, String> raw) {
    QueryParameters parameters = new QueryParameters(raw, PARAMETERS);
    String statusValue = parameters.text("status").orElse(CommentStatus.PENDING.wire());
    CommentStatus status =
        statusValue.equals("any")
            ? null
            : CommentStatus.fromWire(statusValue)
                .orElseThrow(
                    () ->
                        ApiException.badParameter(
                            "status", "must be one of pending, approved, spam, trash, any"));
    Long articleId =
        parameters
            .text("articleId")
            .map(
                value -> {
                  if (value.matches("[0-9]{1,19}")) {
                    try {
                      long id = Long.parseLong(value);
                      if (id > 0) {
                        return id;
                      }
                    } catch (NumberFormatException e) {
                      // beyond 2^63 - 1: reported below
                    }
                  }
                  throw ApiException.badParameter("articleId", "must be a positive integer");
                })
            .orElse(null);
    return new ModerationQuery(
        status, articleId, CommentPageRequest.parse(parameters, CommentPageRequest.NEWEST_FIRST));
  }
}
