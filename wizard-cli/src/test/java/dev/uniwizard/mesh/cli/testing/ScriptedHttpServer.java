package dev.uniwizard.mesh.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering each path (or {@code METHOD path}) with a scripted status
 * and JSON body (404 {@code not_found} otherwise), and recording every request with its query, operator and body.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /**
     * One request as the server received it.
     *
     * @param path the raw (still encoded) path
     * @param query the raw (still encoded) query, or null
     * @param operator the {@code X-Operator} header, or null
     */
    public record Request(String method, String path, String query, String operator, String contentType, String body) {

        /** The query's parameters, decoded; a parameter given twice keeps its last value. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    int equals = pair.indexOf('=');
                    String name = equals < 0 ? pair : pair.substring(0, equals);
                    String value = equals < 0 ? "" : pair.substring(equals + 1);
                    parameters.put(
                            URLDecoder.decode(name, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }
    }

    private record Answer(int status, String body, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor); // a slow answer must not block the next request or stop()
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} (the raw path, without query) with this status and JSON body. */
    public ScriptedHttpServer answer(String path, int status, String body) {
        return answer(path, status, body, Duration.ZERO);
    }

    public ScriptedHttpServer answer(String path, int status, String body, Duration delay) {
        answers.put(path, new Answer(status, body, delay));
        return this;
    }

    /** Answers only {@code method} on the raw {@code path} (without query) with this status and JSON body. */
    public ScriptedHttpServer answer(String method, String path, int status, String body) {
        return answer(method + " " + path, status, body);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.getFirst();
    }

    /** A port nothing listens on (bound, then released). */
    public static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            requests.add(new Request(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("X-Operator"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Answer answer = answers.getOrDefault(
                    method + " " + path,
                    answers.getOrDefault(
                            path,
                            new Answer(
                                    404, "{\"error\":\"not_found\",\"message\":\"nothing scripted\"}", Duration.ZERO)));
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
