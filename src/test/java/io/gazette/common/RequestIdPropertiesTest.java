package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Any X-Request-Id a client sends is either kept as it is or replaced: never passed on broken. */
class RequestIdPropertiesTest {

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  @Property(tries = 200)
  void saneIdsAreKept(
      @ForAll
          @StringLength(min = 1, max = 128)
          @CharRange(from = 'a', to = 'z')
          @CharRange(from = 'A', to = 'Z')
          @CharRange(from = '0', to = '9')
          @Chars({'.', '_', '-'})
          String id) {
    assertEquals(id, RequestIds.accept(id));
  }

  @Property(tries = 200)
  void anythingElseIsReplacedBySomethingSane(@ForAll String offered) {
    String accepted = RequestIds.accept(offered);

    assertTrue(SANE.matcher(accepted).matches(), accepted);
    if (!SANE.matcher(offered).matches()) {
      assertNotEquals(offered, accepted);
    }
  }
}
