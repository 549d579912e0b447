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
import java.util.function.Predicate;

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

  /**
   * SQLSTATEs of values PostgreSQL cannot take: 22021 (invalid byte sequence, e.g. NUL), 22P05
   * (untranslatable character), 22P02 (invalid text representation), 22003 (numeric value out of
   * range), 22007 and 22008 (invalid or overflowing date/time), 22001 (string too long).
   */
  private static final Set<String> BAD_INPUT_STATES =
      Set.of("22021", "22P05", "22P02", "22003", "22007", "22008", "22001");

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} or anything it carries (causes, and suppressed exceptions, where the
   * transaction manager puts a failed commit's reason) says the database is unreachable or
   * overloaded.
   */
  public static boolean isUnavailable(Throwable failure) {
    return anywhere(
        failure,
        t ->
            t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || (t instanceof SQLException sql && unavailable(sql)));
  }

  /**
   * Whether PostgreSQL refused a value that came from the request: text with NUL characters or
   * invalid Unicode, numbers or times out of its range. Input checks should catch these first; this
   * is the safety net that keeps such input a 400 instead of a 500.
   */
  public static boolean isBadInput(Throwable failure) {
    return anywhere(
        failure,
        t ->
            t instanceof SQLException sql
                && sql.getSQLState() != null
                && BAD_INPUT_STATES.contains(sql.getSQLState()));
  }

  /**
   * Whether an id sequence is exhausted (SQLSTATE 2200H): article and comment ids stop at 2^53 - 1
   * (migration V18), which an import may have taken.
   */
  public static boolean isOutOfIds(Throwable failure) {
    return anywhere(
        failure, t -> t instanceof SQLException sql && "2200H".equals(sql.getSQLState()));
  }

  /**
   * Whether a lock wait ran past its {@code lock_timeout} (SQLSTATE 55P03): creates wait at most
   * five seconds for an import to finish.
   */
  public static boolean isLockTimeout(Throwable failure) {
    return anywhere(
        failure, t -> t instanceof SQLException sql && "55P03".equals(sql.getSQLState()));
  }

  private static boolean anywhere(Throwable failure, Predicate<Throwable> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
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
