package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseFailuresTest {

  @Test
  void connectionFailuresAreUnavailableHoweverDeeplyWrapped() {
    PSQLException lost = new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE);
    assertTrue(
        DatabaseFailures.isUnavailable(
            new IllegalStateException(
                "Listing articles failed", new PersistenceException("wrapped", lost))));
    assertTrue(
        DatabaseFailures.isUnavailable(
            new SQLException("Connection refused", "08001", new ConnectException("refused"))));
  }

  @Test
  void aCommitThatLostItsConnectionIsUnavailable() {
    // Narayana reports the resource's failure as a suppressed exception of its RollbackException.
    Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
    Exception xa = new Exception("Error trying to transactionCommit local transaction");
    xa.initCause(new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE));
    rollback.addSuppressed(xa);

    assertTrue(DatabaseFailures.isUnavailable(new RuntimeException("wrapper", rollback)));
  }

  @Test
  void serverShutdownRecoveryAndOverloadAreUnavailable() {
    for (String state : new String[] {"57P01", "57P02", "57P03", "53300", "57014", "08006"}) {
      assertTrue(DatabaseFailures.isUnavailable(new SQLException("x", state)), state);
    }
  }

  @Test
  void anExhaustedPoolIsUnavailable() {
    assertTrue(
        DatabaseFailures.isUnavailable(
            new SQLException("Acquisition timeout while waiting for new connection")));
    assertTrue(
        DatabaseFailures.isUnavailable(
            new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")));
    assertFalse(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601")));
    assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    assertFalse(DatabaseFailures.isUnavailable(new SQLException("no state")));
  }

  @Test
  void valuesPostgresqlRefusesAreBadInput() {
    SQLException nul = new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021");
    assertTrue(DatabaseFailures.isBadInput(new PersistenceException("wrapped", nul)));
    assertFalse(DatabaseFailures.isBadInput(new SQLException("duplicate key", "23505")));
    assertFalse(DatabaseFailures.isBadInput(new SQLException("gone", "08006")));
  }

  @Test
  void aCauseCycleEnds() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    assertFalse(DatabaseFailures.isUnavailable(first));
  }
}
