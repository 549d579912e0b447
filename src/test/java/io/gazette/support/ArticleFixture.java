package io.gazette.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an article through the API, the way an editor would. */
public final class ArticleFixture {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private ArticleFixture(String status) {
    fields.put("title", "Test article " + Api.unique());
    fields.put("body", "First paragraph of the test article.\n\nSecond paragraph.");
    fields.put("status", status);
  }

  public static ArticleFixture draft() {
    return new ArticleFixture("draft");
  }

  public static ArticleFixture published() {
    return new ArticleFixture("published");
  }

  public ArticleFixture with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public ArticleFixture title(String title) {
    return with("title", title);
  }

  public ArticleFixture slug(String slug) {
    return with("slug", slug);
  }

  public ArticleFixture tags(String... tags) {
    return with("tags", new ArrayList<>(List.of(tags)));
  }

  public ArticleFixture publishedAt(Instant at) {
    return with("publishedAt", at.toString());
  }

  public Map<String, Object> body() {
    return fields;
  }

  /** Creates the article and returns the 201 response. */
  public ExtractableResponse<Response> create() {
    return Api.admin()
        .contentType(ContentType.JSON)
        .body(fields)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract();
  }

  public long createId() {
    return create().jsonPath().getLong("id");
  }
}
