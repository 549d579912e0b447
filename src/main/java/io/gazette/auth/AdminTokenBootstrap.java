package io.gazette.auth;

import io.gazette.config.GazetteConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Guarantees an admin token on every start. A configured {@code GAZETTE_ADMIN_TOKEN} becomes (or
 * replaces) the bootstrap token; without one, the first start generates a secret, logs it once and
 * writes it to {@code <data dir>/admin-token} with mode 0600. Only its hash is stored.
 */
@ApplicationScoped
public class AdminTokenBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class);
  static final String TOKEN_FILE = "admin-token";

  private final ApiTokenRepository tokens;
  private final GazetteConfig config;

  public AdminTokenBootstrap(ApiTokenRepository tokens, GazetteConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    Optional<String> configured = config.adminToken().filter(token -> !token.isBlank());
    Optional<ApiTokenRepository.BootstrapToken> existing = tokens.findBootstrap();
    if (configured.isPresent()) {
      String secret = configured.get().trim();
      if (!secret.startsWith(TokenSecrets.PREFIX) || secret.length() < 23) {
        throw new IllegalStateException(
            "GAZETTE_ADMIN_TOKEN must start with 'gz_' and carry at least 20 more characters");
      }
      byte[] hash = TokenSecrets.hash(secret);
      if (existing.isPresent() && TokenSecrets.sameHash(existing.get().tokenHash(), hash)) {
        if (existing.get().revokedAt() != null) {
          LOG.warn(
              "GAZETTE_ADMIN_TOKEN names a token that was revoked; it stays revoked."
                  + " Configure a new secret to restore a bootstrap admin token.");
        }
        return;
      }
      tokens.replaceBootstrap(hash);
      return;
    }
    if (existing.isPresent()) {
      return;
    }
    String secret = TokenSecrets.generate();
    Path file = Path.of(config.dataDir()).resolve(TOKEN_FILE);
    // The file is written before the row commits: a start that cannot write it leaves no bootstrap
    // token whose secret nobody knows, and the next start tries again.
    if (tokens.createBootstrap(TokenSecrets.hash(secret), () -> writeTokenFile(file, secret))) {
      LOG.infof(
          "Generated the admin token (shown once, also saved to %s): %s",
          file.toAbsolutePath(), secret);
    }
  }

  private static void writeTokenFile(Path file, String secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the admin token to " + file, e);
    }
  }
}
