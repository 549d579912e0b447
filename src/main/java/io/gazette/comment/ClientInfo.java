package io.gazette.comment;

import io.gazette.common.Text;

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
      userAgent = Text.truncate(userAgent, MAX_USER_AGENT);
      if (userAgent.isEmpty() || Text.unstorable(userAgent) != null) {
        userAgent = null;
      }
    }
  }
}
