package io.gazette.article;

import io.gazette.common.ApiException;
import io.gazette.common.PageRequest;
import io.gazette.common.ProblemType;
import io.gazette.common.QueryParameters;
import io.gazette.common.Times;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the query string of {@code GET /articles} into a validated {@link ArticleListQuery}. */
final class ArticleQueryParser {

  static final Set<String> PARAMETERS =
      Set.of(
          "limit",
          "cursor",
          "page",
          "sort",
          "tag",
          "author",
          "source",
          "publishedAfter",
          "publishedBefore",
          "q",
          "status",
          "fields");

  private ArticleQueryParser() {}

  /**
   * @param seesUnpublished whether the caller holds a token; {@code status} other than {@code
   *     published} needs one
   */
  static ArticleListQuery parse(MultivaluedMap<String, String> raw, boolean seesUnpublished) {
    QueryParameters parameters = new QueryParameters(raw, PARAMETERS);
    ArticleSort chosen =
        parameters.collect(
            () ->
                parameters
                    .single("sort")
                    .map(
                        value ->
                            ArticleSort.fromParameter(value.strip())
                                .orElseThrow(
                                    () ->
                                        ApiException.badParameter(
                                            "sort", "must be one of " + ArticleSort.allowed())))
                    .orElse(ArticleSort.PUBLISHED_DESC));
    ArticleSort sort = chosen == null ? ArticleSort.PUBLISHED_DESC : chosen;
    PageRequest paging =
        PageRequest.read(parameters, sort.parameter(), key -> !sort.timeKey || validTimeKey(key));
    ArticleStatus status = parameters.collect(() -> status(parameters, seesUnpublished));
    List<String> tags = parameters.collect(() -> parameters.texts("tag"));
    String author = parameters.collect(() -> parameters.text("author").orElse(null));
    String source = parameters.collect(() -> parameters.text("source").orElse(null));
    Instant after = parameters.collect(() -> parameters.time("publishedAfter").orElse(null));
    Instant before = parameters.collect(() -> parameters.time("publishedBefore").orElse(null));
    String q = parameters.collect(() -> parameters.text("q").orElse(null));
    Set<String> fields = parameters.collect(() -> fields(parameters));
    // One problem names every bad parameter.
    parameters.throwCollected();
    return new ArticleListQuery(
        paging.limit(),
        paging.cursor(),
        paging.page(),
        sort,
        tags,
        author,
        source,
        after,
        before,
        q,
        status,
        fields);
  }

  private static boolean validTimeKey(String key) {
    return key.equals("-infinity") || Times.parse(key).isPresent();
  }

  private static ArticleStatus status(QueryParameters parameters, boolean seesUnpublished) {
    String value = parameters.single("status").map(String::strip).orElse(null);
    if (value == null || value.equals("any")) {
      if (value != null && !seesUnpublished) {
        throw unauthorisedStatus();
      }
      return null;
    }
    ArticleStatus status =
        ArticleStatus.fromWire(value)
            .orElseThrow(
                () ->
                    ApiException.badParameter(
                        "status", "must be one of draft, published, archived, any"));
    if (status != ArticleStatus.PUBLISHED && !seesUnpublished) {
      throw unauthorisedStatus();
    }
    return status;
  }

  private static ApiException unauthorisedStatus() {
    return new ApiException(
        ProblemType.UNAUTHORIZED,
        "Listing unpublished articles (status) needs an 'Authorization: Bearer <token>' header");
  }

  static Set<String> fields(QueryParameters parameters) {
    return parameters
        .single("fields")
        .map(
            value -> {
              Set<String> fields = new LinkedHashSet<>();
              for (String field : value.split(",", -1)) {
                String name = field.strip();
                if (!ArticleView.FIELDS.contains(name)) {
                  throw ApiException.badParameter(
                      "fields",
                      "names an unknown field '"
                          + name
                          + "'; known: "
                          + String.join(",", ArticleView.FIELDS));
                }
                fields.add(name);
              }
              return fields;
            })
        .orElse(null);
  }
}
