package io.gazette.comment;

/**
 * Where a comment was posted from, kept for moderators (spam fighting) and never shown to readers.
 *
 * @param address the client's IP address as the server saw it
 * @param userAgent the User-Agent header, shortened to {@link #MAX_USER_AGENT} characters
 */
record ClientInfo(String address, String userAgent) {

  static final int MAX_USER_AGENT = 500;

  ClientInfo {
    if (userAgent != null) {
      userAgent = userAgent.replaceAll("\\p{Cntrl}", "").strip();
      if (userAgent.length() > MAX_USER_AGENT) {
        userAgent = userAgent.substring(0, MAX_USER_AGENT);
      }
      if (userAgent.isEmpty() || io.gazette.common.Text.unstorable(userAgent) != null) {
        userAgent = null;
      }
    }
  }
}
