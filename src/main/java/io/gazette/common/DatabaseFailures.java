package io.gazette.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells "the database is not answering" apart from other failures, however deeply the cause is
 * wrapped (Hibernate, JTA, CDI interceptors and Agroal each add a layer). Such a request is not the
 * client's fault and not a bug: it is answered 503 with Retry-After, so that clients and load
 * balancers back off and retry.
 */
public final class DatabaseFailures {

  /**
   * SQLSTATEs that mean the server cannot serve now: class 08 (connection exception), 53300
   * (too_many_connections), 57P01..57P03 (admin_shutdown, crash_shutdown, cannot_connect_now, as
   * during crash recovery) and 57014 (query_canceled, which statement or socket timeouts raise).
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("53300", "57P01", "57P02", "57P03", "57014");

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} or anything it carries (causes, and suppressed exceptions, where the
   * transaction manager puts a failed commit's reason) says the database is unreachable or
   * overloaded.
   */
  public static boolean isUnavailable(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof org.hibernate.exception.JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || (t instanceof SQLException sql && unavailable(sql))) {
        return true;
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(Arrays.asList(t.getSuppressed()));
    }
    return false;
  }

  private static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
      return true;
    }
    // Agroal reports an exhausted pool (or a server it cannot reach in time) without a SQLSTATE:
    // "Acquisition timeout while waiting for new connection", "Sorry, acquisition timeout!".
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
  }
}
