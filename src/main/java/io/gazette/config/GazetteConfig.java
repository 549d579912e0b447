package io.gazette.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Gazette's own settings. Every key can be set from the environment: {@code gazette.admin-token} is
 * {@code GAZETTE_ADMIN_TOKEN}, {@code gazette.comments.auto-approve} is {@code
 * GAZETTE_COMMENTS_AUTO_APPROVE}, and so on.
 */
@ConfigMapping(prefix = "gazette")
public interface GazetteConfig {

  /**
   * Where Gazette keeps its files: the embedded PostgreSQL cluster (when no external database is
   * configured) and the generated admin token.
   */
  @WithDefault("data")
  String dataDir();

  /**
   * The bootstrap admin token. When unset, one is generated on first start, logged once and written
   * to {@code <data dir>/admin-token}.
   */
  Optional<String> adminToken();

  /** Whether an empty database receives the demo article on first start. */
  @WithDefault("true")
  boolean demoContent();

  /**
   * The largest request body of any endpoint but the import. Article bodies are limited to 1 MiB of
   * UTF-8; JSON escaping can triple that (clients that escape non-ASCII as {@code \\uXXXX} send 6
   * bytes for a 2-byte Cyrillic letter), plus the other fields.
   */
  @WithDefault("4194304")
  long maxBodySize();

  /**
   * The total size, in bytes, of the request bodies Gazette receives and handles at the same time;
   * a body that would pass it is answered 503 with Retry-After. Requests without a token may take
   * half of it. Default: a sixteenth of the JVM's maximum heap, since handling a body takes several
   * times its size in heap. The import, which streams its body, is not counted.
   */
  Optional<Long> maxBodyBytesInFlight();

  /** The largest NDJSON body {@code POST /api/v1/import} accepts, in bytes (default 1 GiB). */
  @WithDefault("1073741824")
  long importMaxBytes();

  /** Per-client-address limits; 0 turns a limit off. */
  RateLimit rateLimit();

  /**
   * Addresses (or CIDR ranges) of reverse proxies whose {@code X-Forwarded-For} is believed. From
   * any other peer the header is ignored, so clients cannot pick their own address.
   */
  Optional<List<String>> trustedProxies();

  /**
   * Origins allowed to make cross-origin writes (and reads with a token) from a browser. Public
   * reads (GET, HEAD without credentials) are open to every origin.
   */
  Optional<List<String>> corsOrigins();

  /** Rate limits. */
  interface RateLimit {
    /** Comments one client address may post per minute. */
    @WithDefault("5")
    int commentsPerMinute();

    /** Failed authentications one client address may make per minute before it gets 429s. */
    @WithDefault("10")
    int authFailuresPerMinute();
  }

  /** Reader comments. */
  Comments comments();

  /** Settings of reader comments ({@code gazette.comments.*}). */
  interface Comments {

    /**
     * Whether a new comment is approved (public and counted) at once instead of waiting as {@code
     * pending} in the moderation queue. Default false: every comment is moderated first.
     */
    @WithDefault("false")
    boolean autoApprove();
  }
}
