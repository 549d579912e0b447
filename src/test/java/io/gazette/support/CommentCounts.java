package io.gazette.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Compares the maintained comment counters of one article with a true COUNT(*). */
public final class CommentCounts {

  private CommentCounts() {}

  /** The article's commentCount and every comment's replyCount equal their COUNT(*). */
  public static void assertExact(long articleId) {
    long counted =
        Sql.number(
            "select count(*) from comment where article_id = ? and status = 'approved'", articleId);
    long stored = Sql.number("select comment_count from article where id = ?", articleId);
    assertThat("article " + articleId + " comment_count", stored, equalTo(counted));
    long drifted =
        Sql.number(
            "select count(*) from comment c where c.article_id = ? and c.reply_count <>"
                + " (select count(*) from comment r where r.parent_id = c.id"
                + " and r.status = 'approved')",
            articleId);
    assertThat(
        "comments of article " + articleId + " with a wrong reply_count", drifted, equalTo(0L));
  }
}
