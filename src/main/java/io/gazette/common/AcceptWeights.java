package io.gazette.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Answers 406 when the {@code Accept} header gives JSON a weight of 0, as in {@code
 * application/json;q=0} or {@code *}{@code /*;q=0}. Quarkus REST refuses an {@code Accept} that
 * names no JSON type at all, but reads {@code q=0} as any other weight, while RFC 9110 (section
 * 12.4.2) makes it mean "not acceptable". The export, which answers NDJSON, is left out, and so is
 * DELETE, whose 204 has no body for the header to refuse.
 */
@ApplicationScoped
public class AcceptWeights {

  private static final String EXPORT_PATH = "/api/v1/export";

  private final RouterProblems problems;
  private final Problem notAcceptable =
      ProblemType.NOT_ACCEPTABLE.problem("This resource is only available as application/json");

  public AcceptWeights(RouterProblems problems) {
    this.problems = problems;
  }

  void register(@Observes Router router) {
    router
        .route("/api/v1/*")
        .order(-1100) // before the body limit: refused requests reserve no room for their body
        .handler(
            context -> {
              if (context.request().method() == HttpMethod.DELETE) {
                // A 204 has no body: no Accept, however malformed, can refuse it, and Quarkus
                // REST would answer one it cannot parse with 406.
                context.request().headers().remove(HttpHeaders.ACCEPT);
                context.next();
                return;
              }
              String accept = context.request().getHeader(HttpHeaders.ACCEPT);
              // Only a header with a zero weight somewhere can be refused here.
              if (accept == null
                  || accept.indexOf("=0") < 0
                  || context.request().path().startsWith(EXPORT_PATH)
                  || weight(accept, "application", "json") > 0) {
                context.next();
                return;
              }
              boolean withBody =
                  context.request().getHeader(HttpHeaders.CONTENT_LENGTH) != null
                      || context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
              problems.send(context, notAcceptable, withBody);
            });
  }

  /**
   * The weight {@code accept} gives {@code type/subtype}: that of the most specific media range
   * that matches it (RFC 9110 section 12.5.1), or 0 when none does. Media-range parameters other
   * than {@code q} are ignored; a weight that is not a number counts as 1.
   */
  static double weight(String accept, String type, String subtype) {
    int bestSpecificity = -1;
    double weight = 0;
    for (String element : accept.split(",")) {
      String[] parts = element.split(";");
      String range = parts[0].strip().toLowerCase(Locale.ROOT);
      int slash = range.indexOf('/');
      if (slash < 0) {
        continue;
      }
      String rangeType = range.substring(0, slash);
      String rangeSubtype = range.substring(slash + 1);
      int specificity;
      if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
        specificity = 2;
      } else if (rangeType.equals(type) && rangeSubtype.equals("*")) {
        specificity = 1;
      } else if (rangeType.equals("*") && rangeSubtype.equals("*")) {
        specificity = 0;
      } else {
        continue;
      }
      double q = quality(parts);
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        weight = q;
      } else if (specificity == bestSpecificity) {
        weight = Math.max(weight, q);
      }
    }
    return weight;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2
          && (parameter.charAt(0) | 0x20) == 'q'
          && parameter.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(parameter.substring(2));
          return Double.isNaN(q) ? 1 : q;
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
