package io.gazette.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Which requests the in-process caches may answer before a resource method runs: anonymous GETs.
 * Token holders see drafts and scheduled content, so their reads always go to the database; HEAD
 * and the other methods go to the resource as usual.
 */
public final class CacheableRequest {

  /**
   * Priority of the filters that answer from the cache: ahead of every other request filter, as
   * Quarkus REST requires of filters that run on the I/O thread.
   */
  public static final int FILTER_PRIORITY = Priorities.AUTHENTICATION - 100;

  private CacheableRequest() {}

  public static boolean isAnonymousGet(ContainerRequestContext request) {
    return HttpMethod.GET.equals(request.getMethod())
        && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
  }
}
