// Concurrent writers for bench/durability: create published articles, a comment on each and a
// reply to it until a deadline, and record every acknowledged id.
// JDK only; run as a single-file program: java bench/DurabilityWriters.java URL TOKEN SECONDS
// WRITERS OUT_FILE. Prints one summary line of key=value pairs for the script.
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DurabilityWriters {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  static final long SLOW_NANOS = Duration.ofSeconds(5).toNanos();

  final String url;
  final String token;
  final long deadline;
  final List<String> acks = Collections.synchronizedList(new ArrayList<>());
  final AtomicLong attempts = new AtomicLong();
  final AtomicLong unanswered = new AtomicLong();
  final AtomicLong unavailable = new AtomicLong();
  final AtomicLong otherStatus = new AtomicLong();
  final AtomicLong slow = new AtomicLong();
  final AtomicLong slowestMillis = new AtomicLong();

  DurabilityWriters(String url, String token, long seconds) {
    this.url = url;
    this.token = token;
    this.deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
  }

  public static void main(String[] args) throws Exception {
    DurabilityWriters run = new DurabilityWriters(args[0], args[1], Long.parseLong(args[2]));
    int writers = Integer.parseInt(args[3]);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(pool.submit(() -> run.write(writer)));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
      run.acks.forEach(out::println);
    }
    long articles = run.acks.stream().filter(a -> a.startsWith("article")).count();
    System.out.printf(
        "attempts=%d acknowledged_articles=%d acknowledged_comments=%d unanswered=%d"
            + " answered_503=%d other_status=%d waited_over_5s=%d slowest_ms=%d%n",
        run.attempts.get(), articles, run.acks.size() - articles, run.unanswered.get(),
        run.unavailable.get(), run.otherStatus.get(), run.slow.get(), run.slowestMillis.get());
  }

  void write(int writer) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int n = 0; System.nanoTime() < deadline; n++) {
      String tag = writer + "-" + n;
      Long article = post(client, "/api/v1/articles", articleJson(tag), "article");
      if (article != null) {
        Long first =
            post(client, "/api/v1/articles/" + article + "/comments", commentJson(tag), "comment");
        if (first != null) {
          post(client, "/api/v1/articles/" + article + "/comments",
              commentJson(tag + "-reply").replace("{", "{\"parentId\": " + first + ", "),
              "comment");
        }
      }
    }
  }

  /** POSTs and records the id when acknowledged (201); null otherwise. Never throws. */
  Long post(HttpClient client, String path, String json, String kind) {
    attempts.incrementAndGet();
    long started = System.nanoTime();
    try {
      HttpResponse<String> answer =
          client.send(request(path, json), HttpResponse.BodyHandlers.ofString());
      took(started);
      if (answer.statusCode() == 201) {
        long id = id(answer.body());
        acks.add(kind + "\t" + id + "\t" + (kind.equals("comment") ? articleOf(path) : "\\N"));
        return id;
      }
      (answer.statusCode() == 503 ? unavailable : otherStatus).incrementAndGet();
      if (answer.statusCode() != 503) {
        System.err.println("unexpected " + answer.statusCode() + ": " + answer.body());
      }
      pause();
    } catch (IOException e) {
      took(started);
      unanswered.incrementAndGet();
      pause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  void took(long started) {
    long nanos = System.nanoTime() - started;
    if (nanos > SLOW_NANOS) {
      slow.incrementAndGet();
    }
    slowestMillis.accumulateAndGet(nanos / 1_000_000, Math::max);
  }

  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  HttpRequest request(String path, String json) {
    return HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static String articleJson(String tag) {
    return "{\"title\": \"Durability " + tag + "\", \"status\": \"published\","
        + " \"body\": \"Written by writer " + tag + ".\"}";
  }

  static String commentJson(String tag) {
    return "{\"authorName\": \"Writer " + tag + "\", \"authorEmail\": \"w" + tag.replace('-', '.')
        + "@example.org\", \"body\": \"Comment " + tag + "\"}";
  }

  static long id(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return Long.parseLong(matcher.group(1));
  }

  static String articleOf(String path) {
    return path.split("/")[4];
  }
}
