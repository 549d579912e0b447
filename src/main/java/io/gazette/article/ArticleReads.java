package io.gazette.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gazette.common.ApiException;
import io.gazette.common.Cursor;
import io.gazette.common.DatabaseFailures;
import io.gazette.common.Links;
import io.gazette.common.Page;
import io.gazette.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The read side of articles: list pages and single articles, served from {@link ArticleCache} for
 * anonymous readers and from the database for everyone else.
 */
@ApplicationScoped
public class ArticleReads {

  private static final long PERMIT_WAIT_SECONDS = 5;

  /** How often a reader waiting for a permit looks whether the database has failed meanwhile. */
  private static final long PERMIT_POLL_MILLIS = 100;

  /**
   * Articles (or chunks of a streamed list page) read from the database and written as JSON at
   * once: one per 32 MiB of maximum heap, at least two; twelve with the shipped 384 MiB.
   */
  private final Semaphore builds =
      new Semaphore((int) Math.max(2, Runtime.getRuntime().maxMemory() / (32L * 1024 * 1024)));

  /**
   * List pages being written as they are read, at once: one per 32 MiB of maximum heap, at least
   * one. Each holds a chunk of JSON (a few megabytes) while its client takes it, for as long as the
   * client takes, so without a bound enough readers of such pages at once would exhaust any heap.
   */
  private final Semaphore streams =
      new Semaphore((int) Math.max(1, Runtime.getRuntime().maxMemory() / (32L * 1024 * 1024)));

  /**
   * When a read holding a permit last found the database unavailable ({@link System#nanoTime}). A
   * permit is held while the database is asked, and during an outage each attempt takes up to the 2
   * s connection wait, so readers queued for permits would wait several rounds of that for their
   * 503: 20 concurrent readers took 3.8 s with twelve permits. A reader that waited for its permit
   * while a read found the database unavailable gets the outage's 503 instead of asking again; one
   * that finds a permit free asks the database, so a recovery is seen at once.
   */
  private final AtomicLong databaseFailedAt = new AtomicLong();

  private final ArticleService service;
  private final ArticleRepository articles;
  private final ArticleCache cache;
  private final ObjectMapper mapper;

  public ArticleReads(
      ArticleService service, ArticleRepository articles, ArticleCache cache, ObjectMapper mapper) {
    this.service = service;
    this.articles = articles;
    this.cache = cache;
    this.mapper = mapper;
  }

  /**
   * A list page whose bodies and rendered HTML add up to more than this is written to the client as
   * it is read, {@link #STREAM_CHUNK_BYTES} at a time, instead of being built in memory (and is not
   * cached). A hundred articles of a megabyte each would otherwise take about a gigabyte of heap
   * for one request: a few such requests at once, from anyone, and the server runs out.
   */
  private static final long STREAMED_ABOVE_BYTES = 1024 * 1024;

  private static final long STREAM_CHUNK_BYTES = 2 * 1024 * 1024;

  private static final byte[] PAGE_START = "{\"data\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PAGE_META = "],\"meta\":".getBytes(StandardCharsets.UTF_8);

  /**
   * A list page: its JSON, or for a page too large to build in memory the stream that writes it;
   * and the relative link to the next page (null on the last).
   */
  public record ListPage(byte[] json, StreamingOutput stream, String nextLink, Runnable written) {

    ListPage(byte[] json, String nextLink) {
      this(json, null, nextLink, null);
    }

    /**
     * To run once the response has ended or its connection closed: gives back what writing the
     * stream holds. Nothing to do for a page of JSON.
     */
    public void ended() {
      if (written != null) {
        written.run();
      }
    }

    /** What the response sends. */
    public Object entity() {
      return json != null ? json : stream;
    }
  }

  ListPage list(ArticleListQuery query, boolean privileged, UriInfo uri) {
    Instant now = Instant.now();
    String rawQuery = uri.getRequestUri().getRawQuery();
    if (!privileged) {
      Optional<ListPage> cached = cachedList(rawQuery, now);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    long generation = cache.generation();
    ArticleListing listing = service.list(query, privileged);
    String nextCursor = null;
    String nextLink = null;
    if (listing.hasMore()) {
      ArticleListing.Row last = listing.rows().get(listing.rows().size() - 1);
      nextCursor =
          new Cursor(query.sort().parameter(), last.article().id(), last.sortKey()).encode();
      nextLink =
          query.page() != null
              ? Links.withParameter(uri, "page", query.page() + 1)
              : Links.withParameter(uri, "cursor", nextCursor);
    }
    Page.Meta meta = new Page.Meta(query.limit(), nextCursor, listing.total(), query.page());
    if (query.needsBody()
        && listing.rows().stream().mapToLong(ArticleListing.Row::contentBytes).sum()
            > STREAMED_ABOVE_BYTES) {
      acquire(streams);
      try {
        return new ListPage(
            null,
            stream(listing.rows(), query.fields(), privileged, meta),
            nextLink,
            streams::release);
      } catch (RuntimeException e) {
        streams.release();
        throw e;
      }
    }
    List<ArticleView> views =
        query.needsBody()
            ? service.withBodies(ids(listing.rows()), privileged)
            : listing.rows().stream().map(ArticleListing.Row::article).toList();
    List<Object> items = views.stream().map(view -> select(view, query.fields())).toList();
    byte[] json = write(new Page<>(items, meta));
    if (!privileged) {
      Instant validUntil = articles.nextScheduledPublication(now).orElse(Instant.MAX);
      cache.putList(
          listKey(rawQuery), new ArticleCache.CachedList(json, nextLink, validUntil), generation);
    }
    return new ListPage(json, nextLink);
  }

  /**
   * Writes the page as {@link #write} would, reading the bodies of a few articles at a time: the
   * same bytes, with memory bounded by a chunk instead of the page. Each chunk is read and written
   * as JSON under one of the {@link #builds} permits, like an article for the cache, and sent after
   * the permit is given back, so a slow client holds neither a permit nor a database connection.
   * The first chunk is read before the response starts, so that a reader who finds no permit gets a
   * 503 instead of a page cut short.
   */
  private StreamingOutput stream(
      List<ArticleListing.Row> rows, Set<String> fields, boolean privileged, Page.Meta meta) {
    List<List<Long>> chunks = chunks(rows);
    byte[] first = chunk(chunks.get(0), fields, privileged, true);
    return output -> {
      output.write(PAGE_START);
      output.write(first);
      boolean empty = first.length == 0;
      for (List<Long> ids : chunks.subList(1, chunks.size())) {
        byte[] elements = chunk(ids, fields, privileged, empty);
        output.write(elements);
        empty = empty && elements.length == 0;
      }
      output.write(PAGE_META);
      output.write(write(meta));
      output.write('}');
    };
  }

  /** The ids of consecutive rows whose bodies add up to at most a chunk (at least one row each). */
  private static List<List<Long>> chunks(List<ArticleListing.Row> rows) {
    List<List<Long>> chunks = new ArrayList<>();
    int start = 0;
    while (start < rows.size()) {
      int end = start + 1;
      long bytes = rows.get(start).contentBytes();
      while (end < rows.size() && bytes + rows.get(end).contentBytes() <= STREAM_CHUNK_BYTES) {
        bytes += rows.get(end).contentBytes();
        end++;
      }
      chunks.add(ids(rows.subList(start, end)));
      start = end;
    }
    return chunks;
  }

  /**
   * The JSON array elements of the visible ones of these articles, each after a comma unless it is
   * the page's first.
   */
  private byte[] chunk(List<Long> ids, Set<String> fields, boolean privileged, boolean first) {
    return underBuildPermit(
        () -> {
          ByteArrayOutputStream elements = new ByteArrayOutputStream();
          boolean firstOfPage = first;
          for (ArticleView article : service.withBodies(ids, privileged)) {
            if (!firstOfPage) {
              elements.write(',');
            }
            elements.writeBytes(write(select(article, fields)));
            firstOfPage = false;
          }
          return elements.toByteArray();
        });
  }

  private static List<Long> ids(List<ArticleListing.Row> rows) {
    return rows.stream().map(row -> row.article().id()).toList();
  }

  /** The anonymous list page for this raw query string, when the cache holds a current one. */
  Optional<ListPage> cachedList(String rawQuery, Instant now) {
    return cache
        .list(listKey(rawQuery), now)
        .map(page -> new ListPage(page.json(), page.nextLink()));
  }

  private static String listKey(String rawQuery) {
    return String.valueOf(rawQuery);
  }

  /** A visible article when the cache holds it. */
  Optional<ArticleCache.CachedArticle> cachedArticle(String idOrSlug) {
    return cache.article(idOrSlug);
  }

  /** A visible article, from the cache when possible. */
  Optional<ArticleCache.CachedArticle> publicArticle(String idOrSlug) {
    Optional<ArticleCache.CachedArticle> cached = cachedArticle(idOrSlug);
    if (cached.isPresent()) {
      return cached;
    }
    long generation = cache.generation();
    return underBuildPermit(
        () ->
            service
                .find(idOrSlug, false)
                .map(
                    view -> {
                      ArticleCache.CachedArticle entry =
                          new ArticleCache.CachedArticle(
                              view.id(),
                              view.slug(),
                              write(view),
                              view.entityTag(),
                              Times.httpDate(view.updatedAt()));
                      cache.putArticle(entry, generation);
                      return entry;
                    }));
  }

  /** An article as sent to a reader the cache does not serve. */
  public record BuiltArticle(byte[] json, String entityTag, String lastModified, boolean visible) {}

  /**
   * An article for a reader the cache does not serve (a token holder's read of an article readers
   * cannot see, or sparse fields), read and written as JSON under one of the {@link #builds}
   * permits, like an article for the cache.
   */
  Optional<BuiltArticle> article(String idOrSlug, boolean privileged, Set<String> fields) {
    return underBuildPermit(
        () ->
            service
                .find(idOrSlug, privileged)
                .map(
                    view ->
                        new BuiltArticle(
                            write(select(view, fields)),
                            fields == null ? view.entityTag() : view.entityTag(fields),
                            Times.httpDate(view.updatedAt()),
                            view.isPublicAt(Instant.now()))));
  }

  /**
   * Runs a read from the database, and the writing of its JSON, under one of the {@link #builds}
   * permits, noting when it finds the database unavailable.
   */
  private <T> T underBuildPermit(Supplier<T> read) {
    acquire(builds);
    try {
      return read.get();
    } catch (RuntimeException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        databaseFailedAt.set(System.nanoTime());
      }
      throw e;
    } finally {
      builds.release();
    }
  }

  /**
   * Waits for one of the permits of {@link #builds} or {@link #streams}. Reading an article with a
   * 1 MiB body from the database and writing its JSON takes about ten times that in heap, in arrays
   * large enough for G1 to place each in contiguous regions of their own. Articles of ordinary size
   * are built in well under a millisecond, so they rarely wait.
   */
  private void acquire(Semaphore permits) {
    if (permits.tryAcquire()) {
      return;
    }
    long waitingSince = System.nanoTime();
    long deadline = waitingSince + TimeUnit.SECONDS.toNanos(PERMIT_WAIT_SECONDS);
    try {
      while (true) {
        boolean acquired = permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS);
        long failedAt = databaseFailedAt.get();
        if (failedAt != 0 && failedAt - waitingSince > 0) {
          if (acquired) {
            permits.release();
          }
          throw new IllegalStateException(
              "The database failed while this read waited for a permit",
              new SQLTransientConnectionException("database unavailable"));
        }
        if (acquired) {
          return;
        }
        if (System.nanoTime() - deadline > 0) {
          throw ApiException.unavailable(
              "The server is reading as many articles from the database as it has memory for;"
                  + " retry shortly",
              1);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("The server is shutting down; retry shortly", 1);
    }
  }

  /** The whole view, or only the requested fields (sparse fieldsets). */
  private Object select(ArticleView article, Set<String> fields) {
    if (fields == null) {
      return article;
    }
    ObjectNode all = mapper.valueToTree(article);
    all.retain(fields);
    return all;
  }

  private byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
