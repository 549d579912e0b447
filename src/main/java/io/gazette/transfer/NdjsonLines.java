package io.gazette.transfer;

import io.gazette.common.ApiException;
import io.gazette.common.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an NDJSON stream one line at a time, as bytes (so that the JSON parser, not a lenient
 * charset decoder, judges the UTF-8), keeping only the current line in memory and enforcing the
 * total size limit as bytes arrive.
 */
final class NdjsonLines {

  /** An article line holds at most 1 MiB of body, which JSON escaping can make 6 MiB. */
  static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private final InputStream in;
  private final long maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(8 * 1024);
  private int position;
  private int limit;
  private long total;
  private long number;
  private boolean ended;

  NdjsonLines(InputStream in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  byte[] next() throws IOException {
    if (ended) {
      return null;
    }
    line.reset();
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          ended = true;
          if (line.size() == 0) {
            return null;
          }
          number++;
          return line.toByteArray();
        }
        total += limit;
        if (total > maxBytes) {
          throw new ApiException(
              ProblemType.PAYLOAD_TOO_LARGE,
              "The import is larger than GAZETTE_IMPORT_MAX_BYTES (" + maxBytes + " bytes)");
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (line.size() > MAX_LINE_BYTES) {
        throw new ApiException(
            ProblemType.PAYLOAD_TOO_LARGE,
            "Line " + (number + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
      }
      if (position < limit) {
        position++; // the newline
        number++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
          return java.util.Arrays.copyOf(bytes, length - 1);
        }
        return bytes;
      }
    }
  }
}
