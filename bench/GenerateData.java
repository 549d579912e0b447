import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a deterministic Gazette import file (NDJSON): articles with ~3 KB Markdown bodies and
 * tags, then comments (~90% approved, some replies). Same arguments, same bytes.
 *
 * <p>Usage: java bench/GenerateData.java OUT ARTICLES COMMENTS
 */
public class GenerateData {

  private static final String[] WORDS = (
      "geneva talks ceasefire aleppo minister state department russia united states syria peace"
          + " envoy truce agreement delegation sanctions humanitarian convoy border election"
          + " parliament budget inflation market energy climate summit court ruling protest"
          + " hospital school harvest drought flood storm football final league transfer coach"
          + " science vaccine research satellite launch mission economy trade tariff export").split(" ");
  private static final String[] TAGS = {
    "syria", "diplomacy", "russia", "united-states", "europe", "economy", "climate", "sport",
    "science", "health", "politics", "energy", "africa", "asia", "elections", "markets"
  };
  private static final String[] SOURCES = {"SHAFAQNA", "Reuters", "AFP", "AP", "Gazette"};
  private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int articles = Integer.parseInt(args[1]);
    int comments = Integer.parseInt(args[2]);
    SplittableRandom random = new SplittableRandom(37076);
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int id = 1; id <= articles; id++) {
        writer.write(article(id, random));
        writer.newLine();
      }
      int perArticle = Math.max(1, comments / Math.max(1, articles));
      long commentId = 1;
      for (int article = 1; article <= articles && commentId <= comments; article++) {
        long firstOfArticle = commentId;
        for (int i = 0; i < perArticle && commentId <= comments; i++, commentId++) {
          writer.write(comment(commentId, article, firstOfArticle, random));
          writer.newLine();
        }
      }
    }
  }

  private static String article(int id, SplittableRandom random) {
    // Five minutes apart: even a million articles are all published before the run (2016-2025).
    Instant published = START.plusSeconds(id * 300L);
    String tagA = TAGS[random.nextInt(TAGS.length)];
    String tagB = TAGS[random.nextInt(TAGS.length)];
    String tags = tagA.equals(tagB) ? q(tagA) : q(tagA) + "," + q(tagB);
    StringBuilder body = new StringBuilder();
    while (body.length() < 3000) {
      body.append(sentence(random, 18)).append(' ').append(sentence(random, 14));
      body.append(random.nextInt(4) == 0 ? " **" + word(random) + "**" : "").append("\\n\\n");
    }
    return "{\"type\":\"article\",\"id\":" + id
        + ",\"slug\":\"bench-article-" + id + "\""
        + ",\"title\":" + q("Bench article " + id + ": " + sentence(random, 6))
        + ",\"summary\":null"
        + ",\"body\":\"" + body + "\""
        + ",\"source\":" + q(SOURCES[id % SOURCES.length])
        + ",\"author\":" + q("Reporter " + (id % 50))
        + ",\"tags\":[" + tags + "]"
        + ",\"status\":\"published\""
        + ",\"publishedAt\":" + q(published.toString())
        + ",\"createdAt\":" + q(published.toString())
        + ",\"updatedAt\":" + q(published.toString())
        + ",\"commentsOpen\":true}";
  }

  private static String comment(long id, int article, long firstOfArticle, SplittableRandom random) {
    Instant created = START.plusSeconds(article * 300L + (id - firstOfArticle + 1) * 60);
    boolean reply = id > firstOfArticle && random.nextInt(4) == 0;
    String status = random.nextInt(10) == 0 ? "pending" : "approved";
    return "{\"type\":\"comment\",\"id\":" + id
        + ",\"articleId\":" + article
        + ",\"parentId\":" + (reply ? String.valueOf(firstOfArticle) : "null")
        + ",\"authorName\":" + q("Reader " + (id % 997))
        + ",\"authorEmail\":" + q("reader" + (id % 997) + "@example.org")
        + ",\"authorUrl\":null"
        + ",\"body\":" + q(sentence(random, 25))
        + ",\"status\":" + q(status)
        + ",\"createdAt\":" + q(created.toString())
        + ",\"updatedAt\":" + q(created.toString()) + "}";
  }

  private static String sentence(SplittableRandom random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(word(random));
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String q(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
