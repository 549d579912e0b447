package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.SeededCases;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Any X-Request-Id a client sends is either kept as it is or replaced: never passed on broken. */
class RequestIdPropertiesTest {

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final String SANE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
  private static final String FORBIDDEN = "\r\n\u0000 \t\"'%/\\;:,<>é\ud800\udfff\u2028";

  @TestFactory
  Stream<DynamicTest> saneIdsAreKept() {
    return SeededCases.of(
        "sane request id",
        200,
        random -> {
          String id = saneId(random, 1 + random.nextInt(128));
          assertEquals(id, RequestIds.accept(id));
        });
  }

  @TestFactory
  Stream<DynamicTest> anythingElseIsReplacedBySomethingSane() {
    return SeededCases.of(
        "offered request id",
        200,
        random -> {
          String offered = offeredId(random);
          String accepted = RequestIds.accept(offered);

          assertTrue(SANE.matcher(accepted).matches(), accepted);
          if (offered == null || !SANE.matcher(offered).matches()) {
            assertNotEquals(offered, accepted);
          } else {
            assertEquals(offered, accepted);
          }
        });
  }

  private static String saneId(Random random, int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(SANE_CHARS.charAt(random.nextInt(SANE_CHARS.length())));
    }
    return id.toString();
  }

  /**
   * What a client might send: nothing, empty, sane but one character too long, sane with one
   * forbidden character (CR, LF, NUL, space, a quote, a lone surrogate, non-ASCII), or any chars.
   */
  private static String offeredId(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextBoolean() ? null : "";
      case 1 -> saneId(random, 129 + random.nextInt(100));
      case 2 -> {
        String sane = saneId(random, 1 + random.nextInt(127));
        int at = random.nextInt(sane.length() + 1);
        char bad = FORBIDDEN.charAt(random.nextInt(FORBIDDEN.length()));
        yield sane.substring(0, at) + bad + sane.substring(at);
      }
      case 3 -> saneId(random, 1 + random.nextInt(128));
      default -> {
        StringBuilder any = new StringBuilder();
        for (int i = random.nextInt(200); i > 0; i--) {
          any.append((char) random.nextInt(0x10000));
        }
        yield any.toString();
      }
    };
  }
}
