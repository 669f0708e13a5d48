package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.observatory.HouseStateEvent;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns changes of a house's state into signed {@link HouseStateEvent}s on {@code <root>.events.housestate}, against
 * the state kept in {@code house_states}: {@code NeedsLogin}/{@code LoggedIn} when the login changes between
 * {@code logged_in} and {@code needs_login} ({@code unknown} and {@code not_required} change nothing),
 * {@code NeedsUpdate}/{@code UpToDate} when the house stops or starts running the expected version. A house seen for
 * the first time only gets its row; a state unchanged since before a restart fires nothing. Published events are
 * counted in {@code mesh_observatory_house_events_total{event}}; a failed publish is logged, counted in
 * {@code mesh_observatory_house_events_failed_total{event}} and tried again with the next heartbeat (the row keeps the
 * old state).
 */
@Singleton
public class HouseStateTransitions {

    private static final Logger LOG = Logger.getLogger(HouseStateTransitions.class);
    public static final String PUBLISHED = "mesh.observatory.house.events";
    public static final String FAILED = "mesh.observatory.house.events.failed";

    private final HouseStateStore store;
    private final EnvelopePublisher publisher;
    private final EnvelopeSigner signer;
    private final Subjects subjects;
    private final MeterRegistry registry;

    public HouseStateTransitions(
            HouseStateStore store,
            EnvelopePublisher publisher,
            EnvelopeSigner signer,
            Subjects subjects,
            MeterRegistry registry) {
        this.store = store;
        this.publisher = publisher;
        this.signer = signer;
        this.subjects = subjects;
        this.registry = registry;
    }

    /** Compares the house's view with its stored state; publishes and stores what changed. The events published. */
    public List<HouseStateEvent> observe(HouseView view, Instant now) {
        Optional<HouseStateRow> stored = store.find(view.house());
        String seenLogin = decisive(view.login()) ? view.login() : null;
        if (stored.isEmpty()) {
            store.save(new HouseStateRow(view.house(), seenLogin, view.version(), view.upToDate(), now));
            LOG.debugf("first sight of house %s: login %s, version %s", view.house(), view.login(), view.version());
            return List.of();
        }
        HouseStateRow row = stored.get();
        List<HouseStateEvent> published = new ArrayList<>();
        String login = row.login();
        if (seenLogin != null && !seenLogin.equals(row.login())) {
            if (row.login() == null || publish(loginEvent(view, seenLogin, now), published)) {
                login = seenLogin;
            }
        }
        boolean upToDate = row.upToDate();
        String version = row.version();
        if (view.upToDate() != row.upToDate()) {
            if (publish(versionEvent(view, now), published)) {
                upToDate = view.upToDate();
                version = view.version();
            }
        } else {
            version = view.version();
        }
        HouseStateRow next = new HouseStateRow(view.house(), login, version, upToDate, now);
        if (!Objects.equals(login, row.login())
                || !Objects.equals(version, row.version())
                || upToDate != row.upToDate()) {
            store.save(next);
        }
        return List.copyOf(published);
    }

    private static boolean decisive(String login) {
        return HouseFacts.LOGGED_IN.equals(login) || HouseFacts.NEEDS_LOGIN.equals(login);
    }

    private static HouseStateEvent loginEvent(HouseView view, String login, Instant now) {
        String detail = view.loginDetail() == null ? "no detail reported" : view.loginDetail();
        return new HouseStateEvent(
                view.house(),
                HouseFacts.NEEDS_LOGIN.equals(login) ? HouseStateEvent.NEEDS_LOGIN : HouseStateEvent.LOGGED_IN,
                view.loginInstance(),
                detail,
                now);
    }

    private static HouseStateEvent versionEvent(HouseView view, Instant now) {
        return new HouseStateEvent(
                view.house(),
                view.upToDate() ? HouseStateEvent.UP_TO_DATE : HouseStateEvent.NEEDS_UPDATE,
                view.versionInstance(),
                view.versionInstance() + " runs " + view.version() + ", expected " + view.expectedVersion(),
                now);
    }

    private boolean publish(HouseStateEvent event, List<HouseStateEvent> published) {
        try {
            publisher.publishDurable(
                    subjects.events(Subjects.EVENT_HOUSE_STATE),
                    signer.originate(
                            EnvelopeKind.EVENT,
                            Subjects.EVENT_HOUSE_STATE,
                            event.house(),
                            Sender.system(signer.nodeId()),
                            event,
                            null));
            registry.counter(PUBLISHED, "event", event.event()).increment();
            LOG.infof("house %s: %s (%s)", event.house(), event.event(), event.detail());
            published.add(event);
            return true;
        } catch (RuntimeException e) {
            registry.counter(FAILED, "event", event.event()).increment();
            LOG.errorf(
                    "house %s: could not publish %s, trying again with its next heartbeat: %s",
                    event.house(), event.event(), e.getMessage());
            return false;
        }
    }
}
