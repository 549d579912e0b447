package io.gazette.article;

import io.gazette.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown (CommonMark with GitHub tables and strikethrough) to HTML that is safe to insert into a
 * page: the rendered HTML passes an allow-list sanitiser, so raw HTML in the Markdown can add
 * formatting but never scripts, event handlers, styles or {@code javascript:} URLs.
 */
@ApplicationScoped
public class BodyRenderer {

  static final int EXCERPT_LENGTH = 300;

  /**
   * The parser, renderer and sanitiser policy, built on the first render rather than with the bean.
   * Its client proxy runs the bean's initialisers too, and is created with the first article read,
   * which renders nothing.
   */
  private static final class Engines {
    static final List<Extension> EXTENSIONS =
        List.of(TablesExtension.create(), StrikethroughExtension.create());

    static final PolicyFactory POLICY =
        Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(
                new HtmlPolicyBuilder()
                    .allowElements(
                        "pre", "code", "hr", "br", "del", "s", "figure", "figcaption", "sup", "sub")
                    .allowAttributes("class")
                    .matching(java.util.regex.Pattern.compile("language-[A-Za-z0-9_+-]{1,40}"))
                    .onElements("code")
                    .allowAttributes("align")
                    .matching(true, "left", "right", "center")
                    .onElements("th", "td")
                    // What else Markdown or an editor's inline HTML writes, without scripts,
                    // styles or ids (which page scripts could confuse with their own).
                    .allowElements(
                        "dl", "dt", "dd", "abbr", "cite", "q", "mark", "kbd", "samp", "var", "time",
                        "details", "summary", "ol", "a", "img", "td", "th")
                    .allowAttributes("start")
                    .matching(Pattern.compile("-?[0-9]{1,9}"))
                    .onElements("ol")
                    .allowAttributes("title")
                    .onElements("a", "img", "abbr")
                    .allowAttributes("colspan", "rowspan")
                    .matching(Pattern.compile("[1-9][0-9]{0,2}"))
                    .onElements("td", "th")
                    .allowAttributes("datetime")
                    .matching(Pattern.compile("[0-9T:Z+.\\-]{1,40}"))
                    .onElements("time")
                    // A refused URL is left empty by the Markdown renderer: a link to the page
                    // itself. Drop it, and "/\\host", which browsers read as "//host".
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href")
                    .matching(BodyRenderer::linkable)
                    .onElements("a")
                    .allowAttributes("src")
                    .matching(BodyRenderer::linkable)
                    .onElements("img")
                    .toFactory());

    static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    static final HtmlRenderer HTML =
        HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
  }

  /** The body rendered and sanitised. */
  public Rendered render(String markdown) {
    Node document = Engines.PARSER.parse(markdown);
    String safeHtml = Engines.POLICY.sanitize(escapeUnclosedRawText(Engines.HTML.render(document)));
    return new Rendered(safeHtml, excerpt(document));
  }

  private static String linkable(String element, String attribute, String url) {
    String start = url.length() < 2 ? url : url.substring(0, 2);
    return url.isBlank() || start.startsWith("\\") || start.equals("/\\") ? null : url;
  }

  /**
   * Elements whose content HTML reads as text up to their end tag. One left open ("Use the
   * &lt;title&gt; element" written without backticks) would take the rest of the article with it;
   * its start tag is shown as text instead. Closed ones stay, and the sanitiser drops them (a
   * script with its code) or their tags.
   */
  private static final Pattern RAW_TEXT_START =
      Pattern.compile(
          "<(script|style|title|textarea|iframe|noscript|xmp|noembed|noframes|plaintext)(?=[\\s/>])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RAW_TEXT_END =
      Pattern.compile(
          "</(script|style|title|textarea|iframe|noscript|xmp|noembed|noframes)(?=[\\s/>])",
          Pattern.CASE_INSENSITIVE);

  static String escapeUnclosedRawText(String html) {
    Matcher start = RAW_TEXT_START.matcher(html);
    if (!start.find()) {
      return html;
    }
    Map<String, Integer> lastEnd = new HashMap<>();
    Matcher end = RAW_TEXT_END.matcher(html);
    while (end.find()) {
      lastEnd.put(end.group(1).toLowerCase(Locale.ROOT), end.start());
    }
    StringBuilder escaped = new StringBuilder(html.length() + 16);
    int copied = 0;
    do {
      Integer closed = lastEnd.get(start.group(1).toLowerCase(Locale.ROOT));
      if (closed == null || closed < start.start()) {
        escaped.append(html, copied, start.start()).append("&lt;");
        copied = start.start() + 1;
      }
    } while (start.find());
    return escaped.append(html, copied, html.length()).toString();
  }

  /** The first paragraph as plain text, cut at a word boundary to at most 300 characters. */
  private String excerpt(Node document) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Paragraph) {
        PlainText collector = new PlainText();
        node.accept(collector);
        String plain = Text.strip(collector.text.toString().replaceAll("\\s+", " "));
        if (!plain.isEmpty()) {
          return cut(plain);
        }
      }
    }
    return null;
  }

  /**
   * At most {@link #EXCERPT_LENGTH} characters, counted and cut in code points so that an emoji is
   * never split into a lone surrogate (which PostgreSQL would store as "?").
   */
  static String cut(String plain) {
    if (Text.length(plain) <= EXCERPT_LENGTH) {
      return plain;
    }
    int limit = plain.offsetByCodePoints(0, EXCERPT_LENGTH - 1); // room for the ellipsis
    int space = plain.lastIndexOf(' ', limit);
    String head =
        space >= 0 && plain.codePointCount(0, space) > EXCERPT_LENGTH / 2
            ? plain.substring(0, space)
            : plain.substring(0, lastCharacterBoundary(plain, limit));
    return head.stripTrailing().replaceAll("[,;:.\\-–—]+$", "") + "…";
  }

  /**
   * The last boundary between user-perceived characters at or before {@code index}: a flag, an
   * emoji with its skin tone or a family joined by zero-width joiners is kept whole or left out.
   */
  private static int lastCharacterBoundary(String text, int index) {
    Matcher character = CHARACTER.matcher(text);
    int boundary = 0;
    while (character.find() && character.end() <= index) {
      boundary = character.end();
    }
    return boundary;
  }

  private static final Pattern CHARACTER = Pattern.compile("\\X");

  /** Collects the words of a paragraph; raw HTML contributes nothing. */
  private static final class PlainText extends AbstractVisitor {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void visit(org.commonmark.node.Text node) {
      text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
      text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
      text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
      text.append(' ');
    }

    /** A raw-text element open in this paragraph (see {@link #RAW_TEXT_START}), or null. */
    private String rawTextElement;

    private int rawTextFrom;

    @Override
    public void visit(HtmlInline node) {
      // Raw HTML is markup, not words; the words inside a script or a style (closed in the same
      // paragraph, or else they show) are not shown either.
      String tag = node.getLiteral();
      if (rawTextElement == null) {
        Matcher start = RAW_TEXT_START.matcher(tag);
        if (start.lookingAt()) {
          rawTextElement = start.group(1).toLowerCase(Locale.ROOT);
          rawTextFrom = text.length();
        }
        return;
      }
      Matcher end = RAW_TEXT_END.matcher(tag);
      if (end.lookingAt() && end.group(1).equalsIgnoreCase(rawTextElement)) {
        text.setLength(rawTextFrom);
        rawTextElement = null;
      }
    }
  }

  /** Rendered HTML and the derived excerpt (null when the body has no paragraph). */
  public record Rendered(String html, String excerpt) {}
}
