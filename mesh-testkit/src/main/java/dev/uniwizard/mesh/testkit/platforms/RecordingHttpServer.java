package dev.uniwizard.mesh.testkit.platforms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 for fakes of platform APIs (Telegram Bot API, Slack Web API, Discord, Gitea): it
 * records every request and answers from handlers a fake registers, or from per-test overrides that script failures
 * ({@link #failNext}). Unmatched requests get 404 with a JSON body and are kept in {@link #unmatched()} so a test can
 * assert none happened. Thread-safe.
 */
public class RecordingHttpServer implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(all));
        }
    }

    private record Route(String method, Predicate<String> path, Function<RecordedRequest, Answer> handler) {}

    private record Override(Predicate<RecordedRequest> match, Answer answer, int[] remaining) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Override> overrides = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> unmatched = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    protected RecordingHttpServer(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port on 127.0.0.1 for " + name, e);
        }
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(name + "-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} requests whose path matches the regular expression {@code pathRegex}. */
    protected void route(String method, String pathRegex, Function<RecordedRequest, Answer> handler) {
        routes.add(new Route(method, path -> path.matches(pathRegex), handler));
    }

    /** The next {@code times} requests matching {@code match} get {@code answer} instead of the normal one. */
    public void failNext(Predicate<RecordedRequest> match, int times, Answer answer) {
        overrides.add(new Override(match, answer, new int[] {times}));
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests to {@code method} on a path matching {@code pathRegex}. */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .toList();
    }

    /** Requests no route answered. */
    public List<RecordedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String query = exchange.getRequestURI().getRawQuery();
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    query == null ? "" : query,
                    Map.copyOf(headers),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            send(exchange, answer(request));
        }
    }

    private Answer answer(RecordedRequest request) {
        for (Override override : overrides) {
            if (override.match().test(request)) {
                synchronized (override) {
                    if (override.remaining()[0] > 0) {
                        override.remaining()[0]--;
                        return override.answer();
                    }
                }
            }
        }
        for (Route route : routes) {
            if (route.method().equals(request.method()) && route.path().test(request.path())) {
                try {
                    return route.handler().apply(request);
                } catch (RuntimeException e) {
                    return Answer.json(
                            500, "{\"message\":\"fake failed: " + e.toString().replace('"', '\'') + "\"}");
                }
            }
        }
        unmatched.add(request);
        return Answer.json(
                404, "{\"message\":\"no such endpoint in the fake: " + request.method() + " " + request.path() + "\"}");
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @java.lang.Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
