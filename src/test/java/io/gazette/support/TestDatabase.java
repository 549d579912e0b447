package io.gazette.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresResource} for every {@code @QuarkusTest} in the run. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {
  private TestDatabase() {}
}
