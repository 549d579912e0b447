package io.gazette.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write endpoint. Its change and the audit record describing it commit together, in one
 * transaction; a write that fails is recorded too, with its error status.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

  /** Transaction timeout in seconds for long writes (bulk import); 0 keeps the default. */
  @Nonbinding
  int transactionTimeout() default 0;
}
