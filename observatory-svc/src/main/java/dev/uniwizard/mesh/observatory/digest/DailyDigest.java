package dev.uniwizard.mesh.observatory.digest;

import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.observatory.config.DigestConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import dev.uniwizard.mesh.service.config.MeshConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the digest once a day at {@code observatory.digest.at} in {@code observatory.digest.zone}, from the leader.
 * The day is claimed with a row in {@code digest_days} before anything is sent, so it goes out at most once across
 * nodes and restarts. A day whose time passed while no observatory led is still sent up to
 * {@code observatory.digest.late-by} later, then skipped.
 */
@Startup
@Singleton
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class);

    private final DigestConfig config;
    private final DigestReports reports;
    private final DigestSender sender;
    private final DigestDays days;
    private final Leadership leadership;
    private final Clock clock;
    private final String node;

    public DailyDigest(
            DigestConfig config,
            DigestReports reports,
            DigestSender sender,
            DigestDays days,
            Leadership leadership,
            Clock clock,
            MeshConfig mesh) {
        if (config.lateBy().isNegative() || config.lateBy().compareTo(Duration.ofHours(24)) >= 0) {
            throw new IllegalArgumentException(
                    "observatory.digest.late-by must lie between 0 and 24h, was " + config.lateBy());
        }
        this.config = config;
        this.reports = reports;
        this.sender = sender;
        this.days = days;
        this.leadership = leadership;
        this.clock = clock;
        this.node = mesh.nodeId();
    }

    @Scheduled(
            identity = "observatory-digest",
            every = "${observatory.digest.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || !leadership.isLeader()) {
            return;
        }
        try {
            sendIfDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "the daily digest could not be sent this time; next try in %s", config.checkEvery());
        }
    }

    /** Sends the digest when one is due and not yet sent; the digest sent, if any. */
    public Optional<DigestReport> sendIfDue() {
        Instant now = clock.instant();
        ZonedDateTime today =
                now.atZone(config.zone()).toLocalDate().atTime(config.at()).atZone(config.zone());
        ZonedDateTime due = today.toInstant().isAfter(now) ? today.minusDays(1) : today;
        if (Duration.between(due.toInstant(), now).compareTo(config.lateBy()) > 0) {
            return Optional.empty();
        }
        LocalDate day = due.toLocalDate();
        if (!days.claim(day, due.toInstant(), now, node)) {
            return Optional.empty();
        }
        DigestReport report = reports.report(due.toInstant());
        days.delivered(day, sender.send(report));
        LOG.infof("sent the digest of %s", day);
        return Optional.of(report);
    }
}
