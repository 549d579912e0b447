package io.gazette.database;

/**
 * Moves the id sequence of articles or comments past ids that were not drawn from it (imported
 * ones, the demo article's), and never back.
 *
 * <p>{@code setval} to the largest stored id, the usual idiom, can move a sequence back: past ids
 * of deleted rows, which the server would then hand out again, and past ids that a concurrent
 * create has drawn but not yet committed, which it would hand out twice. Here the sequence is only
 * ever raised, and only when it is below the wanted id: the inner {@code nextval} returns a value
 * above every id already handed out, so {@code setval} moves it forward from there.
 */
public final class IdSequences {

  /**
   * The advisory lock an import holds, exclusively, until its transaction ends: "import" in ASCII.
   * Creates of articles and comments hold it shared ({@link #WAIT_FOR_IMPORTS}), so they never draw
   * an id while an import runs: an import's later lines may hold any id above the sequence.
   */
  public static final long IMPORT_LOCK = 0x696D706F7274L;

  /**
   * Taken by a create before it draws an id, when {@link #TRY_IMPORT_LOCK} found an import running:
   * waits for it, at most five seconds (then PostgreSQL refuses with lock_not_available, which is
   * answered 503). Only a few requests wait at once ({@link ImportWaits}). The setting lasts until
   * the transaction ends.
   */
  public static final String WAIT_FOR_IMPORTS =
      "select pg_advisory_xact_lock_shared("
          + IMPORT_LOCK
          + ") from (select set_config('lock_timeout', '5s', true)) settings";

  /** Takes the import lock shared, as a create must, if no import holds it: true when taken. */
  public static final String TRY_IMPORT_LOCK =
      "select pg_try_advisory_xact_lock_shared(" + IMPORT_LOCK + ")";

  private IdSequences() {}

  /**
   * A query that raises the id sequence of {@code table} ({@code article} or {@code comment}) so
   * that the next id it hands out is above {@code wanted}, an SQL expression of type bigint (a
   * parameter, a subquery). A null value changes nothing.
   */
  public static String raiseSql(String table, String wanted) {
    return "select case when wanted > coalesce(pg_sequence_last_value(sequence), 0) then"
        + " case when wanted > nextval(sequence) then setval(sequence, wanted) end end"
        + " from (select cast("
        + wanted
        + " as bigint) wanted, cast(pg_get_serial_sequence('"
        + table
        + "', 'id') as regclass) sequence) s";
  }
}
