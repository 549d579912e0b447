package io.gazette.article;

import com.ibm.icu.text.Transliterator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Slugs from titles in any script: ICU transliterates to ASCII ("Ελλάδα" becomes "ellada"),
 * apostrophes vanish ("Russia’s" becomes "russias") and every other run of non-alphanumerics
 * becomes one hyphen.
 */
@ApplicationScoped
public class SlugGenerator {

  static final int MAX_LENGTH = 100;

  /**
   * Built on the first slug, not with the bean: ICU takes a quarter of a second and about 7 MB of
   * heap to build it, and the bean's client proxy, created with the first article read, runs the
   * bean's initialisers too.
   */
  private static final class Ascii {
    static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  }

  public String fromTitle(String title) {
    String ascii;
    synchronized (Ascii.TO_ASCII) {
      ascii = Ascii.TO_ASCII.transliterate(title);
    }
    String slug =
        ascii
            .toLowerCase(Locale.ROOT)
            .replaceAll("['’ʼ`]", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      return "article";
    }
    return slug.chars().allMatch(Character::isDigit) ? "article-" + slug : slug;
  }

  /** The {@code n}th candidate for a base slug: the base itself, then base-2, base-3... */
  static String candidate(String base, int n) {
    return n == 1 ? base : base + "-" + n;
  }
}
