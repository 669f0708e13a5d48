package dev.uniwizard.mesh.observatory.probes;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real nats-server of a test's own ({@code /usr/sbin/nats-server}) on free ports of 127.0.0.1, with its HTTP
 * monitoring endpoint, optionally JetStream in a temporary directory; killed and its directory removed by
 * {@link #close()}.
 */
final class NatsServerProcess implements AutoCloseable {

    static final String BINARY = System.getenv().getOrDefault("MESH_TEST_NATS_SERVER", "/usr/sbin/nats-server");

    private final Process process;
    private final Path directory;
    private final int clientPort;
    private final int monitorPort;

    private NatsServerProcess(boolean jetStream) throws IOException {
        directory = Files.createTempDirectory("observatory-nats-");
        clientPort = freePort();
        monitorPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                BINARY, "-a", "127.0.0.1", "-p", Integer.toString(clientPort), "-m", Integer.toString(monitorPort)));
        if (jetStream) {
            command.addAll(List.of("-js", "-sd", directory.toString()));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nats-server.log").toFile())
                .start();
    }

    /** Starts a server and waits until its monitoring endpoint answers. */
    static NatsServerProcess start(boolean jetStream) {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException("this test needs nats-server at " + BINARY + " (or MESH_TEST_NATS_SERVER)");
        }
        try {
            NatsServerProcess server = new NatsServerProcess(jetStream);
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(URI.create(server.monitorUrl() + "/healthz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + BINARY, e);
        }
    }

    String monitorUrl() {
        return "http://127.0.0.1:" + monitorPort;
    }

    String natsUrl() {
        return "nats://127.0.0.1:" + clientPort;
    }

    /** A port nothing listens on (it was free a moment ago). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
