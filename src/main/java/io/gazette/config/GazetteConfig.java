package io.gazette.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
