package dev.uniwizard.mesh.house.health;

import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.config.ModelConfig;
import dev.uniwizard.mesh.house.model.ModelCallListener;
import dev.uniwizard.mesh.house.model.ModelException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Whether the house can use its model: at start and every {@code house.login.check-interval} it asks
 * {@code GET <house.model.base-url>/models} with its API key as bearer token (the JDK HTTP client, within
 * {@code house.login.timeout}). 2xx is {@link HouseFacts#LOGGED_IN}; 401/403 is {@link HouseFacts#NEEDS_LOGIN}, with
 * a detail saying to set the key; any other answer, or none, is {@link HouseFacts#UNKNOWN} with a detail; a house in
 * SIMPLE mode without a model is {@link HouseFacts#NOT_REQUIRED}. Between checks, every model call of the agent loop
 * counts too (as a {@link ModelCallListener}): one refused with 401/403 marks the house needs_login at once, a later
 * answer logged_in. The state is the {@code login} fact of the heartbeat and the gauge
 * {@code mesh.house.login{house}} (1 logged_in, 0 needs_login, -1 unknown or not_required). Changes are logged.
 */
@Startup
@Singleton
public class ModelLogin implements ModelCallListener {

    private static final Logger LOG = Logger.getLogger(ModelLogin.class);

    /** The gauge of the login state. */
    public static final String GAUGE = "mesh.house.login";

    private final HouseMode mode;
    private final ModelConfig model;
    private final Duration timeout;
    private final Supplier<Optional<String>> apiKey;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicReference<LoginState> state = new AtomicReference<>(LoginState.notCheckedYet());
    private final AtomicLong observations = new AtomicLong();
    private long applied;

    @Inject
    public ModelLogin(HouseConfig config, MeterRegistry registry, Clock clock) {
        this(
                config,
                registry,
                clock,
                () -> Optional.ofNullable(System.getenv(config.model().apiKeyEnv())));
    }

    /** For tests: the API key comes from {@code apiKey} instead of the environment. */
    ModelLogin(HouseConfig config, MeterRegistry registry, Clock clock, Supplier<Optional<String>> apiKey) {
        this.mode = config.mode();
        this.model = config.model();
        this.timeout = config.login().timeout();
        this.apiKey = apiKey;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        registry.gauge(GAUGE, Tags.of("house", config.name()), this, login -> login.state()
                .gaugeValue());
    }

    /** What is known now. */
    public LoginState state() {
        return state.get();
    }

    @Scheduled(every = "${house.login.check-interval:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        check();
    }

    /**
     * Checks the credentials now; the result becomes the state unless something newer was learnt while the check ran
     * (a model call's outcome, or a check started later): observations apply in the order they began.
     */
    public LoginState check() {
        long begun = observations.incrementAndGet();
        LoginState found = probe();
        update(begun, found);
        return found;
    }

    @Override
    public void answered() {
        update(
                observations.incrementAndGet(),
                new LoginState(
                        HouseFacts.LOGGED_IN,
                        "the model endpoint " + baseUrl() + " answered a model call",
                        clock.instant()));
    }

    @Override
    public void failed(ModelException e) {
        if (e.credentialsRefused()) {
            update(
                    observations.incrementAndGet(),
                    new LoginState(
                            HouseFacts.NEEDS_LOGIN,
                            "the model endpoint " + baseUrl() + " refused a model call with HTTP " + e.httpStatus()
                                    + ". " + whatToDo(),
                            clock.instant()));
        }
    }

    private LoginState probe() {
        Optional<String> base = model.baseUrl().map(String::strip).filter(url -> !url.isEmpty());
        if (base.isEmpty()) {
            return mode == HouseMode.SIMPLE
                    ? found(
                            HouseFacts.NOT_REQUIRED,
                            "SIMPLE mode without a model (house.model.base-url is not set): nothing to log in to")
                    : found(
                            HouseFacts.UNKNOWN,
                            "no model is configured: set house.model.base-url (e.g. http://127.0.0.1:11434/v1) for "
                                    + mode.name() + " mode");
        }
        URI uri;
        try {
            uri = URI.create(base.get().replaceAll("/+$", "") + "/models");
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            return found(
                    HouseFacts.UNKNOWN,
                    "house.model.base-url '" + base.get() + "' is not a usable http(s) URL: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        Optional<String> key = key();
        key.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (HttpTimeoutException e) {
            return found(HouseFacts.UNKNOWN, "no answer from " + uri + " within " + timeout + " (house.login.timeout)");
        } catch (IOException e) {
            return found(HouseFacts.UNKNOWN, "could not reach " + uri + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return found(HouseFacts.UNKNOWN, "interrupted while checking " + uri);
        }
        if (status / 100 == 2) {
            return found(
                    HouseFacts.LOGGED_IN,
                    key.isPresent()
                            ? "GET " + uri + " accepted the house's API key (HTTP " + status + ")"
                            : "GET " + uri + " answered HTTP " + status + " without an API key");
        }
        if (status == 401 || status == 403) {
            return found(
                    HouseFacts.NEEDS_LOGIN,
                    "GET " + uri + " refused the house's credentials with HTTP " + status + ". " + whatToDo());
        }
        return found(HouseFacts.UNKNOWN, "GET " + uri + " answered HTTP " + status + "; the credentials are unknown");
    }

    private String whatToDo() {
        String variable = model.apiKeyEnv();
        return (key().isPresent() ? "Set a valid API key" : "No API key is set: set one")
                + " in the environment variable " + variable + " (named by house.model.api-key-env) and restart the"
                + " house.";
    }

    private LoginState found(String login, String detail) {
        return new LoginState(login, detail, clock.instant());
    }

    private void update(long begun, LoginState next) {
        LoginState previous;
        synchronized (this) {
            if (begun < applied) {
                return; // a later observation already applied
            }
            applied = begun;
            previous = state.getAndSet(next);
        }
        if (previous.login().equals(next.login())) {
            return;
        }
        if (HouseFacts.LOGGED_IN.equals(next.login()) || HouseFacts.NOT_REQUIRED.equals(next.login())) {
            LOG.infof("model login: %s (was %s): %s", next.login(), previous.login(), next.detail());
        } else {
            LOG.warnf("model login: %s (was %s): %s", next.login(), previous.login(), next.detail());
        }
    }

    private String baseUrl() {
        return model.baseUrl().filter(url -> !url.isBlank()).orElse("(no house.model.base-url)");
    }

    private Optional<String> key() {
        return apiKey.get().map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }
}
