package io.gazette.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of hostile request parts: JSON bodies, query strings, path segments, headers. */
final class HostileInput {

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
  static final List<String> LIST_PARAMETERS =
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
          "Accept-Encoding");

  private HostileInput() {}

  /** Text an attacker or a broken client might send: any code point, plus known troublemakers. */
  static Arbitrary<String> text(int maxLength) {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(maxLength),
        Arbitraries.strings().ascii().ofMaxLength(maxLength),
        Arbitraries.of(
            "",
            " ",
            "<script>alert(1)</script>",
            "' OR 1=1--",
            "\"; drop table article; --",
            "../../etc/passwd",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\udc00x",
            "🙂🙃",
            "Ελλάδα",
            "%00",
            "%zz",
            "${jndi:ldap://127.0.0.1/x}",
            "-1",
            "0",
            "99999999999999999999",
            "1e999",
            "2016-09-09T21:11:00+03:00",
            "-infinity",
            "x".repeat(301),
            "y".repeat(5000)));
  }

  /** Request bodies: broken JSON, JSON of the wrong shape, and articles with one bad field. */
  static Arbitrary<byte[]> articleBody() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, jsonObject(2, true).map(HostileInput::utf8)),
        net.jqwik.api.Tuple.of(3, articleWithOneBadField().map(HostileInput::utf8)),
        net.jqwik.api.Tuple.of(1, jsonValue(2).map(HostileInput::utf8)),
        net.jqwik.api.Tuple.of(1, truncated().map(HostileInput::utf8)),
        net.jqwik.api.Tuple.of(1, text(200).map(HostileInput::utf8)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
  }

  static Arbitrary<String> articleWithOneBadField() {
    return Combinators.combine(Arbitraries.of(ARTICLE_FIELDS), jsonValue(1))
        .as(
            (field, value) ->
                "{\"title\": \"Property test\", \"body\": \"Text.\", "
                    + quote(field)
                    + ": "
                    + value
                    + "}");
  }

  private static Arbitrary<String> truncated() {
    return articleWithOneBadField()
        .flatMap(
            json ->
                Arbitraries.integers().between(0, json.length()).map(n -> json.substring(0, n)));
  }

  static Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.oneOf(
            text(60).map(HostileInput::quote),
            Arbitraries.of(
                "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\x41\"", "\"tab\there\""),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of(
                "0",
                "-0",
                "1e999",
                "-1e999",
                "1E-400",
                "99999999999999999999999",
                "01",
                "NaN",
                "Infinity",
                "0x10",
                ".5",
                "true",
                "false",
                "null",
                "[]",
                "{}"));
    if (depth == 0) {
      return leaf;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, leaf),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.lazy(() -> jsonValue(depth - 1))
                .list()
                .ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]")),
        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> jsonObject(depth - 1, false))));
  }

  static Arbitrary<String> jsonObject(int depth, boolean articleFields) {
    Arbitrary<String> key =
        articleFields ? Arbitraries.oneOf(Arbitraries.of(ARTICLE_FIELDS), text(20)) : text(20);
    return Combinators.combine(key, jsonValue(depth))
        .as((k, v) -> quote(k) + ": " + v)
        .list()
        .ofMaxSize(8)
        .map(members -> "{" + String.join(", ", members) + "}");
  }

  /** A query string of known and unknown parameters with hostile values, mostly well encoded. */
  static Arbitrary<String> listQuery() {
    Arbitrary<String> name =
        Arbitraries.oneOf(Arbitraries.of(LIST_PARAMETERS), text(10).map(HostileInput::encode));
    Arbitrary<String> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, text(80).map(HostileInput::encode)),
            net.jqwik.api.Tuple.of(
                2,
                Arbitraries.of(
                    "0",
                    "1",
                    "100",
                    "101",
                    "-1",
                    "2147483648",
                    "title",
                    "-title",
                    "-publishedAt",
                    "any",
                    "draft",
                    "id,slug",
                    "eyJ4IjoxfQ",
                    "%",
                    "%zz",
                    "%C3%28",
                    "%ED%A0%80",
                    "+",
                    "a+b",
                    "=",
                    "&")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    return Combinators.combine(name, value)
        .as((n, v) -> n + "=" + v)
        .list()
        .ofMaxSize(6)
        .map(parameters -> String.join("&", parameters));
  }

  /** One path segment: hostile text percent-encoded, or raw troublemakers. */
  static Arbitrary<String> pathSegment() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, text(100).map(HostileInput::encode)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.of(
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
                "-1",
                "0",
                "1e3",
                "%20",
                "+",
                ";x=1",
                "a;b",
                "~",
                "*")),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 1_000_000).map(String::valueOf)));
  }

  /** Header values within HTTP's grammar (visible ASCII, spaces, tabs, obs-text). */
  static Arbitrary<String> headerValue() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').withChars('\t').ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMaxLength(20),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60).map(s -> "Bearer " + s),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40).map(s -> "Bearer gz_" + s),
        Arbitraries.of(
            "*",
            "W/\"x\"",
            "\"1-1-0\"",
            "application/json; charset=latin1",
            "application/json; charset=\"utf-8\"",
            "application/merge-patch+json",
            "text/plain",
            "application/problem+json",
            "*/*;q=0.0",
            "image/png",
            "bytes=0-1",
            "gzip, deflate",
            "127.0.0.1, 10.0.0.1",
            "for=\"[::1]\";proto=https",
            "null"));
  }

  static Arbitrary<java.util.Map<String, String>> headers() {
    return Arbitraries.maps(Arbitraries.of(HEADERS), headerValue()).ofMaxSize(4);
  }

  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
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

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
