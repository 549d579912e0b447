package io.gazette.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Token secrets: 256 random bits behind a {@code gz_} prefix that secret scanners can match.
 * Secrets have full entropy, so a single SHA-256 is a safe storage hash (no password stretching
 * needed) and allows lookup through a unique index.
 */
public final class TokenSecrets {

  public static final String PREFIX = "gz_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Compares hashes in time independent of where they differ. */
  public static boolean sameHash(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
