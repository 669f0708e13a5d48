package dev.uniwizard.mesh.observatory.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void sinceDefaultsToTheFallbackBackFromNow() {
        assertThat(StatsParameters.since(null, NOW, HOUR)).isEqualTo(new StatsPeriod(NOW.minus(HOUR), NOW));
        assertThat(StatsParameters.since(" ", NOW, HOUR).since()).isEqualTo(NOW.minus(HOUR));
    }

    @Test
    void sinceTakesDurationsInEveryUnit() {
        assertThat(StatsParameters.since("45s", NOW, HOUR).since()).isEqualTo(NOW.minusSeconds(45));
        assertThat(StatsParameters.since("15m", NOW, HOUR).since()).isEqualTo(NOW.minusSeconds(900));
        assertThat(StatsParameters.since("2h", NOW, HOUR).since()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(StatsParameters.since("7d", NOW, HOUR).since()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(StatsParameters.since("2w", NOW, HOUR).since()).isEqualTo(NOW.minus(Duration.ofDays(14)));
    }

    @Test
    void sinceTakesInstantsWithOrWithoutAnOffset() {
        assertThat(StatsParameters.since("2026-03-01T10:00:00Z", NOW, HOUR).since())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(StatsParameters.since("2026-03-01T12:00:00+02:00", NOW, HOUR).since())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(StatsParameters.since(NOW.toString(), NOW, HOUR).length()).isZero();
    }

    @Test
    void refusesASinceThatIsNeitherAnInstantNorADuration() {
        assertBad(() -> StatsParameters.since("yesterday", NOW, HOUR), "since", "since must be an ISO-8601 instant");
        assertBad(() -> StatsParameters.since("15 m", NOW, HOUR), "since", "15m");
        assertBad(() -> StatsParameters.since("-5m", NOW, HOUR), "since", "'-5m'");
        assertBad(() -> StatsParameters.since("1y", NOW, HOUR), "since", "7d");
        assertBad(() -> StatsParameters.since("0h", NOW, HOUR), "since", "positive");
        assertBad(() -> StatsParameters.since("999999999w", NOW, HOUR), "since", "too far back");
        assertBad(() -> StatsParameters.since("0001-01-01T00:00:00Z", NOW, HOUR), "since", "before 1970");
    }

    @Test
    void refusesASinceInTheFuture() {
        assertBad(
                () -> StatsParameters.since("2026-03-01T12:00:01Z", NOW, HOUR),
                "since",
                "is in the future (now is 2026-03-01T12:00:00Z)");
    }

    @Test
    void houseIsOptionalButMustBeAName() {
        assertThat(StatsParameters.house(null)).isEmpty();
        assertThat(StatsParameters.house("")).isEmpty();
        assertThat(StatsParameters.house("ezra")).contains("ezra");
        assertBad(() -> StatsParameters.house("Ezra"), "house", "got 'Ezra'");
        assertBad(() -> StatsParameters.house("ezra.>"), "house", "house must be a house name");
    }

    @Test
    void stepDefaultsToARoundWidthGivingAboutTheTargetPoints() {
        assertThat(step(null, Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(step(null, HOUR)).isEqualTo(Duration.ofMinutes(1));
        assertThat(step(null, Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(30));
        assertThat(step(null, Duration.ofDays(7))).isEqualTo(Duration.ofHours(3));
        assertThat(step(null, Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        Duration tenYears = step(null, Duration.ofDays(3650));
        assertThat(StatsSeries.buckets(period(Duration.ofDays(3650)), tenYears)).isLessThanOrEqualTo(1000);
    }

    @Test
    void stepTakesADurationAndRefusesTooManyPoints() {
        assertThat(step("5m", HOUR)).isEqualTo(Duration.ofMinutes(5));
        assertBad(() -> step("0s", HOUR), "step", "positive");
        assertBad(() -> step("fast", HOUR), "step", "step must be a duration such as 30s");
        assertBad(() -> step("1s", Duration.ofDays(1)), "step", "at most 1000 are allowed");
    }

    @Test
    void bucketsAreAlignedToTheStepAndCoverTheWholePeriod() {
        StatsPeriod period = new StatsPeriod(Instant.parse("2026-03-01T11:05:30Z"), NOW);
        Duration step = Duration.ofMinutes(10);

        assertThat(StatsSeries.start(period, step)).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(StatsSeries.buckets(period, step)).isEqualTo(7); // 11:00 ... 12:00, the last holds now
    }

    private static Duration step(String raw, Duration length) {
        return StatsParameters.step(raw, period(length), 60, 1000);
    }

    private static StatsPeriod period(Duration length) {
        return new StatsPeriod(NOW.minus(length), NOW);
    }

    private static void assertBad(Runnable call, String parameter, String messagePart) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        BadStatsParameter.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(messagePart);
    }
}
