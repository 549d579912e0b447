package io.gazette.auth;

import io.gazette.common.FieldError;
import io.gazette.common.JsonBodies;
import io.gazette.common.Text;
import io.gazette.common.Times;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/** What an admin sends to mint a token. */
public record TokenInput(
    @NotBlank(message = "is required")
        @CodePointLength(max = 100, message = "must be at most 100 characters")
        String name,
    @NotNull(message = "is required")
        @Pattern(regexp = "preview|editor|admin", message = "must be preview, editor or admin")
        String role,
    String expiresAt)
    implements JsonBodies.SelfValidating {

  public TokenInput {
    name = Text.strip(name);
  }

  @Override
  public List<FieldError> checks() {
    List<FieldError> errors = new ArrayList<>();
    String problem = Text.unfitForOneLine(name);
    if (problem != null) {
      errors.add(new FieldError("name", problem));
    }
    if (expiresAt != null) {
      Instant at = Times.parse(expiresAt).orElse(null);
      if (at == null) {
        errors.add(
            new FieldError(
                "expiresAt", Times.refusal(expiresAt, "must be an RFC 3339 date-time or null")));
      } else if (!at.isAfter(Instant.now())) {
        errors.add(new FieldError("expiresAt", "must be in the future"));
      }
    }
    return errors;
  }

  Instant expiresAtInstant() {
    return expiresAt == null ? null : Times.parse(expiresAt).orElseThrow();
  }
}
