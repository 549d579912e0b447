package io.gazette.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application running as its own process, as a user would start it. */
final class GazetteProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  final int port;

  private GazetteProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static GazetteProcess start(Path dataDir, Map<String, String> environment) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("gazette-it-", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As the README starts it: with the JVM options the build wrote beside the jar.
    Path jar = Path.of(System.getProperty("gazette.app.jar", "target/quarkus-app/quarkus-run.jar"));
    command.add("@" + jar.resolveSibling("java-options"));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("GAZETTE_ADMIN_TOKEN");
    builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
    builder.environment().put("GAZETTE_DATA_DIR", dataDir.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
    builder.environment().putAll(environment);
    return new GazetteProcess(builder.start(), log, port);
  }

  /** Waits until readiness is UP; fails with the process log when it does not come up. */
  GazetteProcess awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Gazette exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Gazette was not ready in time:\n" + log());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a bearer token; {@code body}, unless null, is sent with {@code contentType}. */
  HttpResponse<String> send(
      String method, String path, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return send(request.build());
  }

  /** {@code POST /api/v1/import} of {@code ndjson} with {@code token}. */
  HttpResponse<String> importNdjson(String token, byte[] ndjson)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/import"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
            .build());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  boolean waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  int exitValue() {
    return process.exitValue();
  }

  /** SIGTERM, as a service manager stops it, then waits for a clean exit. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Gazette did not stop within 60 s of SIGTERM");
    }
  }

  /** SIGTERM without waiting: the caller watches what happens during the shutdown. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL: the JVM gets no chance to clean up. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temp file; the OS cleans up
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
