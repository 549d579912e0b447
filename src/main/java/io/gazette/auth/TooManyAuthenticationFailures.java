package io.gazette.auth;

/** The client address failed to authenticate too often; it must wait before trying again. */
public class TooManyAuthenticationFailures extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyAuthenticationFailures(long retryAfterSeconds) {
    super("Too many failed authentications", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
