package io.gazette.comment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gazette.common.FieldError;
import io.gazette.common.JsonBodies;
import io.gazette.common.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A reader's comment as {@code POST /articles/{idOrSlug}/comments} takes it ("Leave a Reply").
 * Server-assigned fields a client echoes back, {@code status} included, are accepted and ignored;
 * any other unknown field is a 400.
 */
@JsonIgnoreProperties(
    value = {
      "id",
      "articleId",
      "bodyHtml",
      "createdAt",
      "updatedAt",
      "replyCount",
      "status",
      "version"
    })
public record CommentInput(
    @NotBlank(message = "is required")
        @CodePointLength(max = 100, message = "must be 1 to 100 characters after trimming")
        String authorName,
    @NotBlank(message = "is required")
        @CodePointLength(max = 254, message = "must be at most 254 characters")
        @Email(
            regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
            message = "must be a valid email address, such as reader@example.com")
        String authorEmail,
    @CodePointLength(max = 500, message = "must be at most 500 characters") String authorUrl,
    @NotBlank(message = "is required")
        @CodePointLength(max = 10_000, message = "must be 1 to 10000 characters after trimming")
        String body,
    @Positive(message = "must be a positive integer") Long parentId)
    implements JsonBodies.SelfValidating {

  public CommentInput {
    authorName = Text.strip(authorName);
    authorEmail = Text.strip(authorEmail);
    authorUrl = Text.blankToNull(authorUrl);
    body = CommentText.normalise(body);
  }

  @Override
  public List<FieldError> checks() {
    List<FieldError> errors = new ArrayList<>();
    String[][] singleLines = {
      {"authorName", authorName}, {"authorEmail", authorEmail}, {"authorUrl", authorUrl}
    };
    for (String[] text : singleLines) {
      String problem = Text.unfitForOneLine(text[1]);
      if (problem != null) {
        errors.add(new FieldError(text[0], problem));
      }
    }
    String problem = Text.unstorable(body);
    if (problem != null) {
      errors.add(new FieldError("body", problem));
    }
    if (authorUrl != null && !isWebUrl(authorUrl)) {
      errors.add(new FieldError("authorUrl", "must be an http or https URL"));
    }
    return errors;
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return false;
      }
      if (uri.getHost() == null && uri.getRawAuthority() != null) {
        // java.net.URI finds no host in an internationalised name (https://bücher.example/):
        // check the name as its ASCII (punycode) form instead; the URL is kept as posted.
        int start = text.indexOf("//") + 2;
        String authority = uri.getRawAuthority();
        uri = new URI(asciiAuthority(text, start, start + authority.length()));
      }
      // No user information: "https://trusted.example@evil.example" reads as the first host
      // and leads to the second.
      return uri.getHost() != null
          && !uri.getHost().isEmpty()
          && uri.getRawUserInfo() == null
          && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false; // IDN.toASCII throws IllegalArgumentException for a name it cannot convert
    }
  }

  /** The URL with the host between {@code start} and {@code end} converted by IDNA. */
  private static String asciiAuthority(String url, int start, int end) {
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    int colon = authority.lastIndexOf(':');
    int hostEnd = colon > at ? colon : authority.length();
    String host = authority.substring(at + 1, hostEnd);
    if (host.chars().anyMatch(c -> c == '\u3002' || c == '\uFF0E' || c == '\uFF61')) {
      // Full stops IDNA reads as dots: "x.example\u3002evil.com" would lead to evil.com.
      throw new IllegalArgumentException("A host separated by other full stops than '.'");
    }
    if (host.codePoints().anyMatch(c -> Text.isInvisible(c) || c == '\u034F')) {
      // IDNA drops invisible characters: the URL would show one host and lead to another.
      throw new IllegalArgumentException("A host holding invisible characters");
    }
    String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
    return url.substring(0, start + at + 1) + ascii + url.substring(start + hostEnd);
  }
}
