package io.gazette.process;

import static io.gazette.process.HostileSamples.ARTICLE_FIELDS;
import static io.gazette.process.HostileSamples.COMMENT_FIELDS;
import static io.gazette.process.HostileSamples.EMAILS;
import static io.gazette.process.HostileSamples.ENUM_WORDS;
import static io.gazette.process.HostileSamples.HEADERS;
import static io.gazette.process.HostileSamples.HEADER_VALUES;
import static io.gazette.process.HostileSamples.INVALID_UTF8;
import static io.gazette.process.HostileSamples.JSON_EDGES;
import static io.gazette.process.HostileSamples.MODERATION_FIELDS;
import static io.gazette.process.HostileSamples.NUMBER_EDGES;
import static io.gazette.process.HostileSamples.QUERY_VALUES;
import static io.gazette.process.HostileSamples.SEGMENTS;
import static io.gazette.process.HostileSamples.SLUGS;
import static io.gazette.process.HostileSamples.TEXT_LENGTH_EDGES;
import static io.gazette.process.HostileSamples.TIME_EDGES;
import static io.gazette.process.HostileSamples.TOKEN_FIELDS;
import static io.gazette.process.HostileSamples.TROUBLEMAKERS;
import static io.gazette.process.HostileSamples.URLS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generators of hostile request parts (JSON bodies, NDJSON imports, query strings, path segments,
 * headers) drawn from one seeded {@link Random}, so that a case is replayed from its seed. Each
 * generator mixes well-formed requests with one bad field, broken JSON, and known troublemakers.
 */
final class HostileInput {

  private final Random random;

  HostileInput(Random random) {
    this.random = random;
  }

  // ---- choice -----------------------------------------------------------------------------------

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** A length up to {@code max}, biased to the short end and the edges, where bugs live. */
  int length(int max) {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Math.min(max, 1 + random.nextInt(3));
      case 2 -> max;
      default -> random.nextInt(max + 1);
    };
  }

  // ---- text -------------------------------------------------------------------------------------

  /** Text an attacker or a broken client might send: any UTF-16 unit, ASCII, or a troublemaker. */
  String text(int maxLength) {
    return switch (random.nextInt(3)) {
      case 0 -> anyChars(length(maxLength));
      case 1 -> chars(length(maxLength), ' ', '~');
      default -> pick(TROUBLEMAKERS);
    };
  }

  /** Any UTF-16 code units, lone surrogates and NUL included, with astral pairs now and then. */
  private String anyChars(int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (random.nextInt(8)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 2 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        default -> text.append((char) random.nextInt(0x10000));
      }
    }
    return text.toString();
  }

  String chars(int length, char from, char to) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (from + random.nextInt(to - from + 1)));
    }
    return text.toString();
  }

  // ---- JSON -------------------------------------------------------------------------------------

  /** Any JSON value (and some near-JSON), nested up to {@code depth}. */
  String jsonValue(int depth) {
    int kind = random.nextInt(depth == 0 ? 5 : 7);
    return switch (kind) {
      case 0, 1 -> quote(text(60));
      case 2 -> pick(JSON_EDGES);
      case 3 -> String.valueOf(random.nextBoolean() ? random.nextLong() : random.nextInt(1000));
      case 4 -> String.valueOf(random.nextDouble() * Math.pow(10, between(-20, 300)));
      case 5 -> {
        List<String> items = new ArrayList<>();
        for (int i = length(4); i > 0; i--) {
          items.add(jsonValue(depth - 1));
        }
        yield "[" + String.join(",", items) + "]";
      }
      default -> jsonObject(depth - 1, List.of());
    };
  }

  /** A JSON object of up to 8 members, named from {@code fields} or anything. */
  String jsonObject(int depth, List<String> fields) {
    List<String> members = new ArrayList<>();
    for (int i = length(8); i > 0; i--) {
      String name = !fields.isEmpty() && chance(70) ? pick(fields) : text(20);
      members.add(quote(name) + ": " + jsonValue(depth));
    }
    return "{" + String.join(", ", members) + "}";
  }

  /**
   * {@code valid} with one member replaced or added: a value that is nearly right for that field
   * (an edge of its range or format), any JSON value, or a misspelt or unknown name.
   */
  String withOneBadField(Map<String, String> valid, List<String> fields) {
    Map<String, String> members = new LinkedHashMap<>(valid);
    String field = chance(85) ? pick(fields) : text(20);
    members.put(field, chance(50) ? nearlyValid(field) : jsonValue(1));
    List<String> written = new ArrayList<>();
    members.forEach((name, value) -> written.add(quote(name) + ": " + value));
    return "{" + String.join(", ", written) + "}";
  }

  /** A JSON value at or just beyond the edge of what {@code field} accepts. */
  String nearlyValid(String field) {
    return switch (field) {
      case "publishedAt", "createdAt", "updatedAt", "expiresAt", "lastUsedAt" ->
          chance(90) ? quote(pick(TIME_EDGES)) : "null";
      case "id", "articleId", "parentId", "version", "commentCount", "replyCount" ->
          pick(NUMBER_EDGES);
      case "status", "role", "type" -> quote(pick(ENUM_WORDS));
      case "tags" -> tags();
      case "commentsOpen" -> pick("true", "false", "null", "\"true\"", "1", "0");
      case "authorEmail" -> quote(pick(EMAILS));
      case "authorUrl" -> quote(pick(URLS));
      case "slug" -> quote(pick(SLUGS));
      default -> quote(pick(TEXT_LENGTH_EDGES));
    };
  }

  /** Tag arrays at and beyond the limits (20 tags, 1–50 characters, lowercase, unique). */
  private String tags() {
    List<String> tags = new ArrayList<>();
    for (int i = pick(0, 1, 20, 21, 100); i > 0; i--) {
      tags.add(
          quote(
              chance(70)
                  ? "t" + i
                  : pick("", " ", "UPPER", "t1", "x".repeat(50), "x".repeat(51), "a\u0000")));
    }
    return "[" + String.join(",", tags) + "]";
  }

  /** Arrays or objects nested far beyond any sane depth, closed or not. */
  String deepNesting() {
    int depth = pick(100, 1_001, 5_000, 50_000);
    String open = chance(50) ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    StringBuilder json = new StringBuilder(open.repeat(depth)).append("1");
    if (chance(80)) {
      json.append(close.repeat(depth));
    }
    return json.toString();
  }

  /**
   * A request body for a resource whose valid form is {@code valid} and whose field names are
   * {@code fields}: broken JSON, JSON of the wrong shape, deep nesting, invalid UTF-8, and mostly a
   * valid object with one bad field.
   */
  byte[] body(Map<String, String> valid, List<String> fields) {
    return switch (random.nextInt(14)) {
      case 0, 1, 2, 3 -> utf8(jsonObject(2, fields));
      case 4, 5, 6, 7 -> utf8(withOneBadField(valid, fields));
      case 8 -> utf8(jsonValue(2));
      case 9 -> utf8(truncate(withOneBadField(valid, fields)));
      case 10 -> utf8(text(200));
      case 11 -> utf8(deepNesting());
      case 12 -> withInvalidUtf8(withOneBadField(valid, fields));
      default -> bytes(length(200));
    };
  }

  byte[] articleBody() {
    return body(Map.of("title", "\"Property test\"", "body", "\"Text.\""), ARTICLE_FIELDS);
  }

  byte[] commentBody() {
    return body(
        Map.of(
            "authorName",
            "\"Prop Erty\"",
            "authorEmail",
            "\"prop@example.org\"",
            "body",
            quote("Comment " + random.nextLong())),
        COMMENT_FIELDS);
  }

  byte[] moderationBody() {
    return body(
        Map.of("status", quote(pick("pending", "approved", "spam", "trash"))), MODERATION_FIELDS);
  }

  byte[] tokenBody() {
    return body(
        Map.of("name", "\"property token\"", "role", quote(pick("preview", "editor", "admin"))),
        TOKEN_FIELDS);
  }

  String truncate(String json) {
    return json.substring(0, random.nextInt(json.length() + 1));
  }

  /** The UTF-8 of {@code json} with an invalid byte sequence spliced in at a random place. */
  byte[] withInvalidUtf8(String json) {
    byte[] bytes = utf8(json);
    int at = random.nextInt(bytes.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(pick(INVALID_UTF8));
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  // ---- NDJSON -----------------------------------------------------------------------------------

  /**
   * A bulk import: a few lines, each a valid article or comment line, one with a bad field, or
   * anything else a broken export or an attacker might produce; comments name {@code article}. Ids
   * are drawn high and at random, so that an import that succeeds rarely collides with stored
   * content, or from the edges of the id range.
   */
  byte[] ndjson(long article) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int line = between(1, 4); line > 0; line--) {
      byte[] bytes =
          switch (random.nextInt(14)) {
            case 0 -> utf8(toJson(withId(articleLine(), pick(NUMBER_EDGES))));
            case 1, 2 -> utf8(withOneBadField(articleLine(), importArticleFields()));
            case 3, 4, 5 -> utf8(withOneBadField(commentLine(article), importCommentFields()));
            case 6, 7 -> utf8(jsonObject(1, importArticleFields()));
            case 8 -> utf8(jsonValue(2));
            case 9 -> utf8(truncate(toJson(articleLine())));
            case 10 -> withInvalidUtf8(toJson(commentLine(article)));
            case 11 -> utf8(pick("", " ", "\t", "\r", "\u0000", "\u2028"));
            case 12 -> utf8(deepNesting());
            default -> bytes(length(100));
          };
      out.writeBytes(bytes);
      out.writeBytes(utf8(pick("\n", "\n", "\n", "\r\n", "\r", "\n\n")));
    }
    if (chance(20)) {
      out.writeBytes(utf8(toJson(articleLine())));
    }
    return out.toByteArray();
  }

  private Map<String, String> articleLine() {
    String slug = "import-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    Map<String, String> line = new LinkedHashMap<>();
    line.put("type", "\"article\"");
    line.put("id", String.valueOf(importId()));
    line.put("slug", quote(slug));
    line.put("title", "\"Imported\"");
    line.put("body", "\"Text.\"");
    line.put("status", quote(pick("draft", "published", "archived")));
    return line;
  }

  private static Map<String, String> withId(Map<String, String> line, String id) {
    line.put("id", id);
    return line;
  }

  private Map<String, String> commentLine(long article) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("type", "\"comment\"");
    line.put("id", String.valueOf(importId()));
    line.put("articleId", String.valueOf(article));
    line.put("authorName", "\"Importer\"");
    line.put("authorEmail", "\"importer@example.org\"");
    line.put("body", "\"Imported comment\"");
    line.put("status", quote(pick("pending", "approved", "spam", "trash")));
    return line;
  }

  private long importId() {
    return 1_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);
  }

  private static List<String> importArticleFields() {
    List<String> fields = new ArrayList<>(ARTICLE_FIELDS);
    fields.add("type");
    return fields;
  }

  private static List<String> importCommentFields() {
    List<String> fields = new ArrayList<>(COMMENT_FIELDS);
    fields.add("type");
    return fields;
  }

  private static String toJson(Map<String, String> members) {
    List<String> written = new ArrayList<>();
    members.forEach((name, value) -> written.add(quote(name) + ": " + value));
    return "{" + String.join(", ", written) + "}";
  }

  // ---- URLs -------------------------------------------------------------------------------------

  /** A query string of known and unknown parameters with hostile values, mostly well encoded. */
  String query(List<String> parameters) {
    List<String> pairs = new ArrayList<>();
    for (int i = length(6); i > 0; i--) {
      String name = chance(75) ? pick(parameters) : encode(text(10));
      String value =
          name.equals("cursor") && chance(60)
              ? cursor()
              : switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4, 5 -> encode(text(80));
                case 6, 7, 8 -> pick(QUERY_VALUES);
                default -> "";
              };
      pairs.add(chance(5) ? name : name + "=" + value);
    }
    return String.join("&", pairs);
  }

  /**
   * A cursor as the server encodes them (base64url of sort, id and sort key, one a line) but with
   * any of the three parts hostile: an order of another list, an id out of range, a key that is not
   * a time, a time beyond the database's range, NUL, or a line too many.
   */
  String cursor() {
    String sort =
        chance(80)
            ? pick(
                "-publishedAt",
                "publishedAt",
                "-updatedAt",
                "updatedAt",
                "title",
                "-title",
                "createdAt",
                "-createdAt",
                "-id")
            : text(20);
    String id = chance(80) ? pick(NUMBER_EDGES) : text(20);
    String key =
        switch (random.nextInt(4)) {
          case 0, 1 -> pick(TIME_EDGES);
          case 2 -> pick(TROUBLEMAKERS);
          default -> text(60);
        };
    String raw = sort + "\n" + id + "\n" + key + (chance(10) ? "\nextra" : "");
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(raw));
    return chance(90) ? encoded : encode(encoded + pick("=", "==", "!", " ", "%"));
  }

  /** One path segment: hostile text percent-encoded, raw troublemakers, or plain numbers. */
  String pathSegment() {
    return switch (random.nextInt(10)) {
      case 0, 1, 2, 3, 4, 5 -> encode(text(100));
      case 6, 7, 8 -> pick(SEGMENTS);
      default -> String.valueOf(between(1, 1_000_000));
    };
  }

  // ---- headers ----------------------------------------------------------------------------------

  /** Header values within HTTP's grammar (visible ASCII, spaces, tabs, obs-text). */
  String headerValue() {
    return switch (random.nextInt(5)) {
      case 0 -> chars(length(200), ' ', '~').replace("\r", "").replace("\n", "");
      case 1 -> chars(length(20), '\u0080', '\u00ff');
      case 2 -> "Bearer " + chars(length(60), '!', '~');
      case 3 -> "Bearer gz_" + chars(length(40), '!', '~');
      default -> pick(HEADER_VALUES);
    };
  }

  /** Up to four of the headers a client may send, with hostile values. */
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = length(4); i > 0; i--) {
      headers.put(pick(HEADERS), headerValue());
    }
    return headers;
  }

  // ---- encoding ---------------------------------------------------------------------------------

  /**
   * A JSON string literal of {@code text}. Unpaired surrogates go out as {@code \\uXXXX} escapes,
   * since UTF-8 cannot carry them and Java would send '?' instead.
   */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (c == '"') {
        json.append("\\\"");
      } else if (c == '\\') {
        json.append("\\\\");
      } else if (c < 0x20 || (Character.isSurrogate(c) && !paired)) {
        json.append(String.format("\\u%04x", (int) c));
      } else if (paired) {
        json.append(c).append(text.charAt(++i));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  /** Percent-encodes everything outside RFC 3986's unreserved characters (UTF-8). */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append(String.format("%%%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
