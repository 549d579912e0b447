package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

  @Test
  void aRequestBodyThatEndsBeforeItsContentLengthIsA400ProblemNotAServerError() {
    Response response =
        new ProblemMappers(new AllowedMethods(null))
            .unreadableBody(new IOException("Connection reset by peer"));

    assertEquals(400, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    Problem problem = (Problem) response.getEntity();
    assertEquals(ProblemType.MALFORMED_JSON.problem("x").type(), problem.type());
  }
}
