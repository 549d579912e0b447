package io.gazette.article;

import io.gazette.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
                    .toFactory());

    static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    static final HtmlRenderer HTML =
        HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
  }

  /** The body rendered and sanitised. */
  public Rendered render(String markdown) {
    Node document = Engines.PARSER.parse(markdown);
    String safeHtml = Engines.POLICY.sanitize(Engines.HTML.render(document));
    return new Rendered(safeHtml, excerpt(document));
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

    @Override
    public void visit(HtmlInline node) {
      // Raw HTML is markup, not words.
    }
  }

  /** Rendered HTML and the derived excerpt (null when the body has no paragraph). */
  public record Rendered(String html, String excerpt) {}
}
