package io.gazette.support;

import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Property-based tests on plain JUnit: a property becomes {@code count} dynamic tests, each fed a
 * {@link Random} of its own. Every run draws a fresh run seed (so runs explore different inputs)
 * and names it in every case's display name and failure message; passing it back as {@code
 * -Dgazette.hostile.seed=<seed>} replays the same inputs, and {@code -Dgazette.hostile.case=<n>}
 * replays only case {@code n}; {@code -Dgazette.hostile.scale=<k>} runs k times as many cases, for
 * a longer hunt. No shrinking: a failing case is reported as generated.
 */
public final class SeededCases {

  public static final String SEED_PROPERTY = "gazette.hostile.seed";
  public static final String CASE_PROPERTY = "gazette.hostile.case";
  public static final String SCALE_PROPERTY = "gazette.hostile.scale";

  private static final long RUN_SEED = runSeed();

  private SeededCases() {}

  /** One generated check. */
  @FunctionalInterface
  public interface Check {
    void run(Random random) throws Exception;
  }

  /**
   * {@code count} cases of {@code check}, named {@code property} with their number and the seed.
   * Cases of different properties draw different inputs from the same run seed.
   */
  public static Stream<DynamicTest> of(String property, int count, Check check) {
    Integer only = Integer.getInteger(CASE_PROPERTY);
    return IntStream.range(0, count * Integer.getInteger(SCALE_PROPERTY, 1))
        .filter(n -> only == null || only == n)
        .mapToObj(
            n -> {
              String where =
                  property + " case " + n + " (-D" + SEED_PROPERTY + "=" + RUN_SEED + ")";
              return DynamicTest.dynamicTest(
                  where,
                  () -> {
                    try {
                      check.run(new Random(caseSeed(property, n)));
                    } catch (AssertionError | Exception failure) {
                      throw new AssertionError(where + ": " + failure.getMessage(), failure);
                    }
                  });
            });
  }

  /** The seed of this run, as given with {@code -Dgazette.hostile.seed} or freshly drawn. */
  private static long runSeed() {
    String given = System.getProperty(SEED_PROPERTY);
    long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : parse(given);
    System.out.println("Generated test cases use -D" + SEED_PROPERTY + "=" + seed);
    return seed;
  }

  private static long parse(String seed) {
    try {
      return Long.parseLong(seed.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + " must be a 64-bit integer: " + seed, e);
    }
  }

  /** Spreads (run seed, property, case number) over 64 bits (SplitMix64's finaliser). */
  private static long caseSeed(String property, int n) {
    long z = RUN_SEED + 0x9E3779B97F4A7C15L * (property.hashCode() * 1_000_003L + n + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
