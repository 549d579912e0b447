package io.gazette.comment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gazette.common.FieldError;
import io.gazette.common.JsonBodies;
import io.gazette.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * What moderation may change: the status and the body. {@code PATCH /comments/{id}} merges the
 * patch over the moderator representation and binds the result here, so every other field of that
 * representation is ignored; {@link ModerationService} rejects attempts to change the ones that
 * belong to the poster.
 */
@JsonIgnoreProperties(
    value = {
      "id",
      "articleId",
      "parentId",
      "authorName",
      "authorEmail",
      "authorUrl",
      "bodyHtml",
      "createdAt",
      "updatedAt",
      "replyCount",
      "version",
      "clientAddress",
      "userAgent"
    })
record CommentEdit(
    @NotNull(message = "is required")
        @Pattern(
            regexp = "pending|approved|spam|trash",
            message = "must be pending, approved, spam or trash")
        String status,
    @NotBlank(message = "is required")
        @CodePointLength(max = 10_000, message = "must be 1 to 10000 characters after trimming")
        String body)
    implements JsonBodies.SelfValidating {

  /** Fields the poster wrote or the server recorded; moderation never rewrites them. */
  static final List<String> POSTERS_FIELDS =
      List.of("parentId", "authorName", "authorEmail", "authorUrl", "clientAddress", "userAgent");

  CommentEdit {
    body = CommentText.normalise(body);
  }

  @Override
  public List<FieldError> checks() {
    List<FieldError> errors = new ArrayList<>();
    String problem = Text.unstorable(body);
    if (problem != null) {
      errors.add(new FieldError("body", problem));
    }
    return errors;
  }
}
