package io.gazette.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The envelope of every list response. */
public record Page<T>(List<T> data, Meta meta) {

  /**
   * Paging information. {@code nextCursor} is always present (null on the last page); {@code total}
   * and {@code page} only with numbered pages.
   */
  public record Meta(
      int limit,
      String nextCursor,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer page) {}
}
