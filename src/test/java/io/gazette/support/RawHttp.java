package io.gazette.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client over a socket: it sends the request target, headers and body
 * bytes exactly as given (no encoding, no validation), which the JDK client refuses to do.
 */
public final class RawHttp {

  private RawHttp() {}

  /** A response: status, headers (lower-case names) and body as UTF-8 text. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  public static Answer send(
      int port, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(latin1(method + " " + target + " HTTP/1.1\r\n"));
      request.writeBytes(latin1("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n"));
      for (Map.Entry<String, String> header : headers.entrySet()) {
        request.writeBytes(latin1(header.getKey() + ": " + header.getValue() + "\r\n"));
      }
      if (body != null) {
        request.writeBytes(latin1("Content-Length: " + body.length + "\r\n"));
      }
      request.writeBytes(latin1("\r\n"));
      if (body != null) {
        request.writeBytes(body);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  /**
   * Sends {@code request} as it is, and returns every byte the server wrote until it closed the
   * connection (or until a second without more bytes, if it keeps it open).
   */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write(latin1(request));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int read; (read = socket.getInputStream().read(buffer)) >= 0; ) {
          answer.write(buffer, 0, read);
        }
      } catch (java.net.SocketTimeoutException e) {
        // Still open: everything it had to say has been said.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete response head: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
      body = dechunk(new java.io.ByteArrayInputStream(body));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          return out.toByteArray();
        }
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.writeBytes(in.readNBytes(length));
      in.readNBytes(2);
    }
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
