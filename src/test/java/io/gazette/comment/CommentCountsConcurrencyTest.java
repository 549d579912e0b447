package io.gazette.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentCounts;
import io.gazette.support.CommentFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentCountsConcurrencyTest {

  private static final int THREADS = 8;
  private static final int OPERATIONS_PER_THREAD = 30;
  private static final String[] NOT_APPROVED = {"pending", "spam", "trash"};

  @Test
  void concurrentApprovalsUnapprovalsRepliesAndDeletionsKeepEveryCounterExact() throws Exception {
    long article = ArticleFixture.published().createId();
    List<Long> comments = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      long top = CommentFixture.on(article).postApproved();
      comments.add(top);
      for (int j = 0; j < 3; j++) {
        long reply = CommentFixture.on(article).replyTo(top).postApproved();
        comments.add(reply);
        if (j == 0) {
          comments.add(CommentFixture.on(article).replyTo(reply).postApproved());
        }
      }
    }
    CommentCounts.assertExact(article);

    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    long seed = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(seed + t);
      workers.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                  long target = comments.get(random.nextInt(comments.size()));
                  int roll = random.nextInt(100);
                  String operation;
                  int status;
                  if (roll < 35) {
                    operation = "approve";
                    status = moderate(target, "approved");
                  } else if (roll < 65) {
                    operation = "unapprove";
                    status = moderate(target, NOT_APPROVED[random.nextInt(NOT_APPROVED.length)]);
                  } else if (roll < 80) {
                    operation = "delete";
                    status = Api.admin().when().delete("/api/v1/comments/" + target).statusCode();
                  } else {
                    operation = "reply";
                    var posted =
                        Api.anonymous()
                            .contentType(ContentType.JSON)
                            .body(CommentFixture.on(article).replyTo(target).fields())
                            .when()
                            .post(CommentFixture.path(article));
                    status = posted.statusCode();
                    if (status == 201) {
                      long reply = posted.jsonPath().getLong("id");
                      comments.add(reply);
                      moderate(reply, "approved");
                    }
                  }
                  outcomes
                      .computeIfAbsent(operation + " " + status, key -> new AtomicInteger())
                      .incrementAndGet();
                  // 404: deleted by another thread; 400: a reply to a parent that is not approved.
                  boolean expected =
                      status == 200
                          || status == 201
                          || status == 204
                          || status == 404
                          || (status == 400 && operation.equals("reply"));
                  if (!expected) {
                    unexpected.add(operation + " of " + target + " gave " + status);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat("seed " + seed + ", outcomes " + outcomes, unexpected, empty());
    assertThat(outcomes.getOrDefault("delete 204", new AtomicInteger()).get(), greaterThan(0));
    assertThat(outcomes.getOrDefault("approve 200", new AtomicInteger()).get(), greaterThan(0));
    CommentCounts.assertExact(article);
    long approved =
        Sql.number(
            "select count(*) from comment where article_id = ? and status = 'approved'", article);
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("commentCount", equalTo((int) approved));
  }

  private static int moderate(long comment, String status) {
    return Api.admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("status", status))
        .when()
        .patch("/api/v1/comments/" + comment)
        .statusCode();
  }
}
