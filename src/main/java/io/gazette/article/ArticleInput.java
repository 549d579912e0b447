package io.gazette.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gazette.common.FieldError;
import io.gazette.common.JsonBodies;
import io.gazette.common.Text;
import io.gazette.common.Times;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The writable fields of an article, as POST and PUT take them (and PATCH after merging). Read-only
 * fields a client echoes back are accepted and ignored; any other unknown field is a 400.
 */
@JsonIgnoreProperties(
    value = {"id", "createdAt", "updatedAt", "version", "commentCount", "bodyHtml"})
public record ArticleInput(
    @CodePointLength(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(
            regexp = "[a-z0-9-]+",
            message = "must contain only lowercase letters a-z, digits and hyphens")
        String slug,
    @NotBlank(message = "is required")
        @CodePointLength(max = 300, message = "must be at most 300 characters after trimming")
        String title,
    @CodePointLength(max = 1000, message = "must be at most 1000 characters") String summary,
    String body,
    @CodePointLength(max = 200, message = "must be at most 200 characters") String source,
    @CodePointLength(max = 200, message = "must be at most 200 characters") String author,
    @Size(max = 20, message = "must hold at most 20 tags")
        List<
                @NotNull(message = "must be a string")
                @CodePointLength(min = 1, max = 50, message = "must be 1 to 50 characters") String>
            tags,
    @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived")
        String status,
    String publishedAt,
    Boolean commentsOpen)
    implements JsonBodies.SelfValidating {

  /** Bodies are limited to 1 MiB of UTF-8. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  public ArticleInput {
    slug = Text.blankToNull(slug);
    title = Text.strip(title);
    summary = Text.blankToNull(summary);
    source = Text.blankToNull(source);
    author = Text.blankToNull(author);
    body = body == null ? "" : body;
  }

  @Override
  public List<FieldError> checks() {
    List<FieldError> errors = new ArrayList<>();
    String[][] singleLines = {{"title", title}, {"source", source}, {"author", author}};
    for (String[] text : singleLines) {
      String problem = Text.unfitForOneLine(text[1]);
      if (problem != null) {
        errors.add(new FieldError(text[0], problem));
      }
    }
    String[][] texts = {{"summary", summary}, {"body", body}, {"publishedAt", publishedAt}};
    for (String[] text : texts) {
      String problem = Text.unstorable(text[1]);
      if (problem != null) {
        errors.add(new FieldError(text[0], problem));
      }
    }
    // @Pattern reports slugs of other characters; an ASCII-digit one passes it and fails here.
    if (slug != null && slug.matches("[0-9]+")) {
      errors.add(new FieldError("slug", "must not be all digits (numbers are ids)"));
    }
    if (body.length() > MAX_BODY_BYTES / 4
        && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      errors.add(new FieldError("body", "must be at most 1 MiB (1048576 bytes of UTF-8)"));
    }
    if (publishedAt != null && Times.parse(publishedAt).isEmpty()) {
      errors.add(new FieldError("publishedAt", Times.refusal(publishedAt, Times.NOT_A_TIME)));
    }
    if (tags != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i);
        if (tag == null) {
          continue;
        }
        String problem = Text.unfitForOneLine(tag);
        if (problem != null) {
          errors.add(new FieldError("tags[" + i + "]", problem));
          continue;
        }
        if (!tag.equals(tag.toLowerCase(Locale.ROOT)) || !tag.equals(Text.strip(tag))) {
          errors.add(
              new FieldError(
                  "tags[" + i + "]", "must be lowercase without leading or trailing spaces"));
        } else if (!seen.add(tag)) {
          errors.add(new FieldError("tags[" + i + "]", "duplicates an earlier tag"));
        }
      }
    }
    return errors;
  }

  ArticleStatus statusOrDefault() {
    return status == null ? ArticleStatus.DRAFT : ArticleStatus.fromWire(status).orElseThrow();
  }

  Instant publishedAtInstant() {
    return publishedAt == null ? null : Times.parse(publishedAt).orElseThrow();
  }

  List<String> tagsOrEmpty() {
    return tags == null ? List.of() : List.copyOf(tags);
  }

  boolean commentsOpenOrDefault() {
    return commentsOpen == null || commentsOpen;
  }
}
