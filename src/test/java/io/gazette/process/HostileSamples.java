package io.gazette.process;

import java.util.List;

/**
 * The fixed material {@link HostileInput} draws from: field and parameter names of the API, and
 * values known to trouble parsers, databases, templates and logs, each at or just past an edge.
 */
final class HostileSamples {

  private HostileSamples() {}

  static final List<String> ARTICLE_FIELDS =
      List.of(
          "slug",
          "title",
          "summary",
          "body",
          "source",
          "author",
          "tags",
          "status",
          "publishedAt",
          "commentsOpen",
          "id",
          "createdAt",
          "updatedAt",
          "version",
          "commentCount",
          "bodyHtml");
  static final List<String> COMMENT_FIELDS =
      List.of(
          "authorName",
          "authorEmail",
          "authorUrl",
          "body",
          "parentId",
          "id",
          "articleId",
          "bodyHtml",
          "createdAt",
          "updatedAt",
          "replyCount",
          "status",
          "version");
  static final List<String> MODERATION_FIELDS =
      List.of(
          "status",
          "body",
          "authorName",
          "authorEmail",
          "authorUrl",
          "parentId",
          "id",
          "articleId",
          "version",
          "clientAddress",
          "userAgent",
          "replyCount");
  static final List<String> TOKEN_FIELDS =
      List.of("name", "role", "expiresAt", "id", "token", "createdAt", "lastUsedAt");
  static final List<String> ARTICLE_LIST_PARAMETERS =
      List.of(
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
  static final List<String> PAGE_PARAMETERS = List.of("limit", "cursor", "page");
  static final List<String> MODERATION_QUEUE_PARAMETERS =
      List.of("limit", "cursor", "page", "status", "articleId");
  static final List<String> HEADERS =
      List.of(
          "Accept",
          "Content-Type",
          "Authorization",
          "If-Match",
          "If-None-Match",
          "X-Request-Id",
          "X-Forwarded-For",
          "Forwarded",
          "Origin",
          "Accept-Language",
          "Accept-Charset",
          "Cookie",
          "Range",
          "Accept-Encoding",
          "Content-Encoding",
          "User-Agent");

  /** Text known to trouble parsers, databases, templates and logs. */
  static final List<String> TROUBLEMAKERS =
      List.of(
          "",
          " ",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "' OR 1=1--",
          "\"; drop table article; --",
          "1; select pg_sleep(5)",
          "../../etc/passwd",
          "\u0000",
          "a\u0000b",
          "\ud800",
          "\udc00x",
          "\udfff\ud800",
          "\ufeff",
          "\u202e",
          "🙂🙃",
          "Ελλάδα",
          "%00",
          "%zz",
          "${jndi:ldap://127.0.0.1/x}",
          "#{7*7}",
          "{{7*7}}",
          "\r\nSet-Cookie: x=1",
          "-1",
          "0",
          "99999999999999999999",
          "1e999",
          "NaN",
          "2016-09-09T21:11:00+03:00",
          "0000-00-00T00:00:00Z",
          "99999-12-31T23:59:59Z",
          "-infinity",
          "x".repeat(301),
          "y".repeat(5000));

  /** Date-times a lenient parser might take but a database might not, and near misses. */
  static final List<String> TIME_EDGES =
      List.of(
          "2016-09-09T21:11:00+03:00",
          "2016-09-09T18:11:00Z",
          "2016-09-09t18:11:00z",
          "2016-09-09 18:11:00Z",
          "2016-09-09T18:11:00",
          "2016-09-09",
          "2016-02-30T00:00:00Z",
          "2016-09-09T24:00:00Z",
          "2016-09-09T18:11:60Z",
          "2016-09-09T18:11:00.123456789Z",
          "2016-09-09T18:11:00+18:00",
          "2016-09-09T18:11:00+19:00",
          "0001-01-01T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "0000-01-01T00:00:00+01:00",
          "-0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999Z",
          "9999-12-31T23:59:59-01:00",
          "2016-09-09T18:11:00.Z",
          "+10000-01-01T00:00:00Z",
          "+294277-01-01T00:00:00Z",
          "-4714-11-24T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "2999-01-01T00:00:00Z",
          "infinity",
          "-infinity",
          "now",
          "");

  /** Integers around every boundary an id, version or count could meet. */
  static final List<String> NUMBER_EDGES =
      List.of(
          "0",
          "1",
          "-1",
          "37076",
          "2147483647",
          "2147483648",
          "4294967296",
          "9007199254740991",
          "9007199254740992",
          "9223372036854775806",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "1.0",
          "1e3",
          "\"1\"",
          "null");

  /** Text at the length limits of the fields that have them (1, 100, 200, 254, 300, 1000). */
  static final List<String> TEXT_LENGTH_EDGES =
      List.of(
          "",
          " ",
          "x",
          "x".repeat(100),
          "x".repeat(101),
          "x".repeat(200),
          "x".repeat(201),
          "x".repeat(300),
          "x".repeat(301),
          "x".repeat(1000),
          "x".repeat(1001),
          "x".repeat(10_000),
          "x".repeat(10_001),
          " x ".repeat(100),
          "\u00a0",
          "\u200b");

  /** JSON numbers and literals at and beyond every limit. */
  static final List<String> JSON_EDGES =
      List.of(
          "0",
          "-0",
          "1e999",
          "-1e999",
          "1E-400",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "99999999999999999999999",
          "1.5",
          "01",
          "NaN",
          "Infinity",
          "0x10",
          ".5",
          "true",
          "false",
          "null",
          "[]",
          "{}",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"\\udfff\\ud800\"",
          "\"\\x41\"",
          "\"tab\there\"",
          "'single'");

  static final List<String> QUERY_VALUES =
      List.of(
          "0",
          "1",
          "100",
          "101",
          "-1",
          "2147483648",
          "9223372036854775807",
          "99999999999999999999",
          "title",
          "-title",
          "-publishedAt",
          "any",
          "draft",
          "pending",
          "spam",
          "id,slug",
          "eyJ4IjoxfQ",
          "%",
          "%zz",
          "%00",
          "%C3%28",
          "%ED%A0%80",
          "+",
          "a+b",
          "=",
          "&");

  static final List<String> SEGMENTS =
      List.of(
          "..",
          "%2e%2e",
          "%2F",
          "a%2Fb",
          "%00",
          "%zz",
          "%",
          "%C3%28",
          "%ED%A0%80",
          "99999999999999999999",
          "9223372036854775807",
          "9223372036854775808",
          "-1",
          "0",
          "00",
          "+1",
          "1e3",
          "0x1",
          "%20",
          "+",
          ";x=1",
          "a;b",
          "~",
          "*",
          "%27%20OR%201%3D1--",
          "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fx%7D");

  /** Byte sequences that are not UTF-8: lone continuation, overlong, surrogate, truncated. */
  static final List<byte[]> INVALID_UTF8 =
      List.of(
          new byte[] {(byte) 0xC3, 0x28},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xFE, (byte) 0xFF});

  /** Every enum word of the API (statuses, roles, line types), and near misses of them. */
  static final List<String> ENUM_WORDS =
      List.of(
          "draft",
          "published",
          "archived",
          "pending",
          "approved",
          "spam",
          "trash",
          "preview",
          "editor",
          "admin",
          "article",
          "comment",
          "any",
          "Published",
          "ADMIN",
          " admin",
          "admin\u0000",
          "");

  /** Email addresses just inside and outside what a comment accepts. */
  static final List<String> EMAILS =
      List.of(
          "a@b.co",
          "a@b",
          "@example.org",
          "a@@example.org",
          "a b@example.org",
          "a@example.org\n",
          "x".repeat(250) + "@example.org",
          "ü@exämple.org",
          "a@example.org<script>");

  /** Author URLs: http(s) at the length limit, other schemes, and malformed ones. */
  static final List<String> URLS =
      List.of(
          "https://example.org",
          "http://",
          "javascript:alert(1)",
          "data:text/html,<script>",
          "ftp://example.org",
          "https://example.org/" + "x".repeat(490),
          "https://exa mple.org",
          "//example.org",
          "HTTPS://EXAMPLE.ORG");

  /** Slugs: valid, all digits, taken, badly cased, too long. */
  static final List<String> SLUGS =
      List.of(
          "a",
          "123",
          "-",
          "a--b",
          "UPPER",
          "with space",
          "ünï",
          "property-fixture",
          "kerry-lands-in-geneva-for-syria-peace-talks-with-russias-lavrov",
          "s".repeat(201));

  /** Header values that mean something to some header: media types, tags, ranges, addresses. */
  static final List<String> HEADER_VALUES =
      List.of(
          "*",
          "W/\"x\"",
          "\"1-1-0\"",
          "application/json; charset=latin1",
          "application/json; charset=\"utf-8\"",
          "application/merge-patch+json",
          "application/x-ndjson",
          "text/plain",
          "multipart/form-data; boundary=x",
          "application/problem+json",
          "*/*;q=0.0",
          "image/png",
          "bytes=0-1",
          "gzip, deflate",
          "gzip",
          "chunked",
          "127.0.0.1, 10.0.0.1",
          "for=\"[::1]\";proto=https",
          "https://evil.example",
          "null",
          "${jndi:ldap://127.0.0.1/x}");
}
