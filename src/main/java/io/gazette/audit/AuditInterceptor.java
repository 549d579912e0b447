package io.gazette.audit;

import io.gazette.auth.TokenIdentityProvider;
import io.gazette.common.ApiException;
import io.gazette.common.ClientAddresses;
import io.gazette.common.DatabaseFailures;
import io.gazette.common.Text;
import io.gazette.common.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs an audited endpoint inside one transaction that also inserts its audit record, so the change
 * and its record commit or roll back together. A failed write is rolled back and then recorded on
 * its own with the error's status.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

  private final AuditRepository audit;
  private final SecurityIdentity identity;
  private final HttpServerRequest request;
  private final ClientAddresses addresses;

  public AuditInterceptor(
      AuditRepository audit,
      SecurityIdentity identity,
      HttpServerRequest request,
      ClientAddresses addresses) {
    this.audit = audit;
    this.identity = identity;
    this.request = request;
    this.addresses = addresses;
  }

  @AroundInvoke
  Object record(InvocationContext invocation) throws Exception {
    try {
      Audited audited = invocation.getMethod().getAnnotation(Audited.class);
      int timeout = audited == null ? 0 : audited.transactionTimeout();
      return (timeout > 0
              ? QuarkusTransaction.joiningExisting().timeout(timeout)
              : QuarkusTransaction.joiningExisting())
          .call(
              () -> {
                Object result = invocation.proceed();
                if (result instanceof Response response) {
                  audit.record(entry(response.getStatus(), resourceId(response, invocation)));
                }
                return result;
              });
    } catch (RuntimeException failure) {
      int status = statusOf(failure);
      QuarkusTransaction.requiringNew()
          .run(() -> audit.record(entry(status, pathResource(invocation))));
      throw failure;
    }
  }

  private AuditEntry entry(int status, String resourceId) {
    AuditEntry entry = new AuditEntry();
    entry.at = Times.now();
    if (!identity.isAnonymous()) {
      entry.tokenId = identity.getAttribute(TokenIdentityProvider.TOKEN_ID);
      entry.tokenName = identity.getAttribute(TokenIdentityProvider.TOKEN_NAME);
    }
    entry.method = request.method().name();
    // Whatever the path held, the attempt is recorded: text the database cannot store is replaced.
    entry.path = Text.storable(request.path());
    entry.resourceId = Text.storable(resourceId);
    entry.status = status;
    entry.clientAddress = addresses.of(request);
    return entry;
  }

  private static String resourceId(Response response, InvocationContext invocation) {
    Object entity = response.getEntity();
    if (entity instanceof Record record) {
      Optional<Method> id = ID_ACCESSORS.get(record.getClass());
      if (id.isPresent()) {
        try {
          return String.valueOf(id.get().invoke(record));
        } catch (ReflectiveOperationException e) {
          // Fall back to the path, as for an answer without an id.
        }
      }
    }
    return pathResource(invocation);
  }

  /** The accessor of a response record's {@code id} component, looked up once per record type. */
  private static final ClassValue<Optional<Method>> ID_ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .filter(component -> component.getName().equals("id"))
              .map(RecordComponent::getAccessor)
              .findFirst();
        }
      };

  /** The first path parameter (id or slug), the resource a write addressed. */
  private static String pathResource(InvocationContext invocation) {
    var parameters = invocation.getMethod().getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].isAnnotationPresent(jakarta.ws.rs.PathParam.class)) {
        return String.valueOf(invocation.getParameters()[i]);
      }
    }
    return null;
  }

  private static int statusOf(RuntimeException failure) {
    if (failure instanceof ApiException api) {
      return api.type().status();
    }
    if (failure instanceof WebApplicationException web) {
      return web.getResponse().getStatus();
    }
    if (failure instanceof org.hibernate.exception.ConstraintViolationException
        || failure.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
      return 409;
    }
    if (failure.getClass().getName().startsWith("io.gazette.common.JsonBodies")
        || DatabaseFailures.isBadInput(failure)) {
      return 400; // as ProblemMappers answers it
    }
    return 500;
  }
}
