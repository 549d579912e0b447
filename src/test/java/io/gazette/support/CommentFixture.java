package io.gazette.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts a comment through the public API, the way a reader would, and moderates it. */
public final class CommentFixture {

  private final Object article;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private CommentFixture(Object article) {
    this.article = article;
    String marker = Api.unique();
    fields.put("authorName", "Reader " + marker);
    fields.put("authorEmail", "reader-" + marker + "@example.com");
    fields.put("body", "A thoughtful comment " + marker);
  }

  /** A comment on the article with this id or slug. */
  public static CommentFixture on(Object articleIdOrSlug) {
    return new CommentFixture(articleIdOrSlug);
  }

  public CommentFixture with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public CommentFixture replyTo(long parentId) {
    return with("parentId", parentId);
  }

  public CommentFixture body(String body) {
    return with("body", body);
  }

  public CommentFixture email(String email) {
    return with("authorEmail", email);
  }

  public Map<String, Object> fields() {
    return fields;
  }

  /** Posts anonymously and returns the 201 response. */
  public ExtractableResponse<Response> post() {
    return Api.anonymous()
        .contentType(ContentType.JSON)
        .body(fields)
        .when()
        .post(path(article))
        .then()
        .statusCode(201)
        .extract();
  }

  public long postId() {
    return post().jsonPath().getLong("id");
  }

  /** Posts and approves, so that the comment is public. */
  public long postApproved() {
    long id = postId();
    moderate(id, "approved");
    return id;
  }

  public static String path(Object article) {
    return "/api/v1/articles/" + article + "/comments";
  }

  /** Moves a comment to a status as an editor would. */
  public static void moderate(long commentId, String status) {
    Api.admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("status", status))
        .when()
        .patch("/api/v1/comments/" + commentId)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }
}
