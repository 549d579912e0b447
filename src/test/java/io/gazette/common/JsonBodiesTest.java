package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  /** Gives the start of a JSON object, then fails as a socket does when the client goes away. */
  private static InputStream bodyCutOffByTheClient() {
    InputStream start =
        new ByteArrayInputStream("{\"title\":\"Kerry lands".getBytes(StandardCharsets.UTF_8));
    return new InputStream() {
      @Override
      public int read() throws IOException {
        int next = start.read();
        if (next < 0) {
          throw new IOException("Connection reset by peer");
        }
        return next;
      }
    };
  }

  @Test
  void aBodyTheClientStopsSendingIsA400NotAServerError() {
    JsonBodies bodies = new JsonBodies(new ObjectMapper(), null);

    ApiException thrown =
        assertThrows(ApiException.class, () -> bodies.readObject(bodyCutOffByTheClient()));

    assertEquals(400, thrown.type().status());
  }
}
