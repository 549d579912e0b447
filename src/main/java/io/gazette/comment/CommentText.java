package io.gazette.comment;

import io.gazette.common.Text;

/**
 * Comment bodies are plain text. Their HTML is the text escaped, with each line break (of any kind)
 * as {@code <br>}: markup a reader types is shown, never interpreted.
 */
public final class CommentText {

  private CommentText() {}

  /**
   * Line breaks as {@code \n}, surrounding whitespace and invisible characters removed (so that a
   * body of no-break or zero-width spaces is blank).
   */
  public static String normalise(String body) {
    return body == null ? null : Text.strip(body.replace("\r\n", "\n").replace('\r', '\n'));
  }

  public static String toHtml(String body) {
    StringBuilder html = new StringBuilder(body.length() + 16);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        // Unicode's line and paragraph separators, NEL, and the vertical tab and form feed,
        // which XML (RSS, XHTML) cannot even hold, break lines as well.
        case '\n', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C' -> html.append("<br>\n");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
