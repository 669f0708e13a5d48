package dev.uniwizard.mesh.observatory.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads a page in a real headless Chromium ({@code /usr/bin/chromium}, Debian package {@code chromium}) with a fresh
 * profile, lets its scripts run for a virtual time budget, and returns the DOM as it then is.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private HeadlessChromium() {}

    static String dumpDom(String url) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the dashboard test needs a real headless browser. Install the Debian "
                    + "package 'chromium' (apt-get install chromium) and run the test again.");
        }
        Path profile = Files.createTempDirectory("observatory-chromium-profile");
        Path out = Files.createTempFile("observatory-dom", ".html");
        Path err = Files.createTempFile("observatory-chromium", ".log");
        try {
            Process chromium = new ProcessBuilder(List.of(
                            CHROMIUM.toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--user-data-dir=" + profile,
                            "--virtual-time-budget=15000",
                            "--dump-dom",
                            url))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s loading " + url + "; its log:\n"
                        + tail(err));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (chromium.exitValue() != 0 || dom.isBlank()) {
                fail("chromium exited with " + chromium.exitValue() + " loading " + url + " and dumped " + dom.length()
                        + " characters; its log:\n" + tail(err));
            }
            return dom;
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
