package io.gazette.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.gazette.common.ApiException;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMergePatch;
import io.gazette.common.Preconditions;
import io.gazette.common.Times;
import io.gazette.ops.GazetteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Article use cases. Owns the transactions; resources only translate HTTP. */
@ApplicationScoped
public class ArticleService {

  private final ArticleRepository articles;
  private final BodyRenderer renderer;
  private final SlugGenerator slugs;
  private final JsonBodies json;
  private final JsonMergePatch mergePatch;
  private final ArticleCache cache;
  private final GazetteMetrics metrics;

  public ArticleService(
      ArticleRepository articles,
      BodyRenderer renderer,
      SlugGenerator slugs,
      JsonBodies json,
      JsonMergePatch mergePatch,
      ArticleCache cache,
      GazetteMetrics metrics) {
    this.cache = cache;
    this.articles = articles;
    this.renderer = renderer;
    this.slugs = slugs;
    this.json = json;
    this.mergePatch = mergePatch;
    this.metrics = metrics;
  }

  /**
   * One article by id or slug, if it exists and the caller may see it: anonymous readers see only
   * published articles whose publication time has come.
   */
  public Optional<ArticleView> find(String idOrSlug, boolean includeUnpublished) {
    Instant now = Instant.now();
    return articles
        .findView(idOrSlug)
        .filter(article -> includeUnpublished || article.isPublicAt(now));
  }

  /** One page of a list; anonymous callers get visible articles only. */
  ArticleListing list(ArticleListQuery query, boolean includeUnpublished) {
    return articles.list(query, includeUnpublished, Instant.now());
  }

  /**
   * The articles with these ids, bodies included, in order; anonymous callers get those still
   * visible only (as with {@link #find}).
   */
  List<ArticleView> withBodies(List<Long> ids, boolean includeUnpublished) {
    Instant now = Instant.now();
    return articles.withBodies(ids).stream()
        .filter(article -> includeUnpublished || article.isPublicAt(now))
        .toList();
  }

  /** Creates an article; the slug is generated from the title when not given. */
  @Transactional
  public ArticleView create(ArticleInput input) {
    articles.waitForImports();
    Instant now = Times.now();
    Article article = new Article();
    article.createdAt = now;
    article.version = 1;
    apply(article, input, now);
    article.updatedAt = now;
    articles.persistAndFlush(article);
    cache.evictAfterCommit(article.id);
    return ArticleView.of(article);
  }

  /** Replaces every writable field (PUT). An absent slug keeps the current one. */
  @Transactional
  public ArticleView replace(String idOrSlug, ArticleInput input, Preconditions conditions) {
    Article article = lockForWrite(idOrSlug, conditions);
    update(article, input);
    return ArticleView.of(article);
  }

  /** Applies an RFC 7396 JSON Merge Patch to the writable fields, then validates the result. */
  @Transactional
  public ArticleView patch(String idOrSlug, JsonNode patch, Preconditions conditions) {
    Article article = lockForWrite(idOrSlug, conditions);
    JsonNode merged = mergePatch.apply(json.toTree(writableFields(article)), patch);
    ArticleInput input = json.bind(merged, ArticleInput.class);
    update(article, input);
    return ArticleView.of(article);
  }

  /** Deletes an article; honours the preconditions like the other writes. */
  @Transactional
  public void delete(String idOrSlug, Preconditions conditions) {
    Article article = lockForWrite(idOrSlug, conditions);
    articles.delete(article);
  }

  private Article lockForWrite(String idOrSlug, Preconditions conditions) {
    Article article =
        articles
            .lockByIdOrSlug(idOrSlug)
            .orElseThrow(() -> ApiException.notFound("No article '" + idOrSlug + "'"));
    cache.evictAfterCommit(article.id);
    ArticleView view = ArticleView.of(article);
    String current = view.entityTag();
    // A tag read with sparse fields names this version as well as the full one does.
    conditions.check("article", view::isCurrentTag, view.updatedAt(), current);
    return article;
  }

  private void update(Article article, ArticleInput input) {
    Snapshot before = Snapshot.of(article);
    Instant now = Times.now();
    apply(article, input, now);
    if (!before.equals(Snapshot.of(article))) {
      article.version++;
      article.updatedAt = now;
    }
  }

  private void apply(Article article, ArticleInput input, Instant now) {
    if (input.slug() != null) {
      if (!input.slug().equals(article.slug)) {
        articles.lockSlugFamilies(input.slug());
        if (articles.slugTaken(input.slug(), article.id)) {
          throw ApiException.conflict("The slug '" + input.slug() + "' is already in use");
        }
      }
      article.slug = input.slug();
    } else if (article.slug == null) {
      String base = slugs.fromTitle(input.title());
      articles.lockSlugFamilies(base);
      article.slug = freeSlug(base);
    }
    article.title = input.title();
    article.summary = input.summary();
    if (!input.body().equals(article.body)) {
      BodyRenderer.Rendered rendered = renderer.render(input.body());
      article.body = input.body();
      article.bodyHtml = rendered.html();
      article.excerpt = rendered.excerpt();
    }
    article.source = input.source();
    article.author = input.author();
    article.tags = input.tagsOrEmpty();
    Instant previousPublication = article.publishedAt;
    String previousStatus = article.status;
    article.status = input.statusOrDefault().wire();
    if (ArticleStatus.PUBLISHED.wire().equals(article.status)
        && !article.status.equals(previousStatus)) {
      metrics.articlePublished();
    }
    article.publishedAt = input.publishedAtInstant();
    if (ArticleStatus.PUBLISHED.wire().equals(article.status) && article.publishedAt == null) {
      // Publishing never moves an existing publication time; a first publication is "now".
      article.publishedAt = previousPublication != null ? previousPublication : now;
    }
    article.commentsOpen = input.commentsOpenOrDefault();
  }

  private String freeSlug(String base) {
    Set<String> taken =
        new HashSet<>(
            articles
                .find("slug = ?1 or slug like ?2", base, base + "-%")
                .project(SlugOnly.class)
                .list()
                .stream()
                .map(SlugOnly::slug)
                .toList());
    for (int n = 1; ; n++) {
      String candidate = SlugGenerator.candidate(base, n);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static ArticleInput writableFields(Article article) {
    return new ArticleInput(
        article.slug,
        article.title,
        article.summary,
        article.body,
        article.source,
        article.author,
        article.tags,
        article.status,
        article.publishedAt == null ? null : article.publishedAt.toString(),
        article.commentsOpen);
  }

  /** Projection for slug collision checks. */
  public record SlugOnly(String slug) {}

  /** The writable state, to tell a real change from a no-op write. */
  private record Snapshot(
      String slug,
      String title,
      String summary,
      String body,
      String source,
      String author,
      List<String> tags,
      String status,
      Instant publishedAt,
      boolean commentsOpen) {
    static Snapshot of(Article a) {
      return new Snapshot(
          a.slug,
          a.title,
          a.summary,
          a.body,
          a.source,
          a.author,
          a.tags == null ? null : List.copyOf(a.tags),
          a.status,
          a.publishedAt,
          a.commentsOpen);
    }
  }
}
