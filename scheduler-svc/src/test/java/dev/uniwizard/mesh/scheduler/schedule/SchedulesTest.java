package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSchedule.EventTrigger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static final Instant FROM = Instant.parse("2025-03-28T12:00:00Z");

    @Test
    void parsesEachKind() throws Exception {
        assertThat(Schedules.parse(new JobSchedule("0 9 * * MON-FRI", "Europe/Berlin", null, null)))
                .isInstanceOfSatisfying(CronSchedule.class, cron -> {
                    assertThat(cron.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(cron.cron()).isEqualTo("0 9 * * MON-FRI");
                });
        assertThat(Schedules.parse(new JobSchedule(null, null, 30L, null))).isEqualTo(new IntervalSchedule(30));
        assertThat(Schedules.parse(new JobSchedule(null, " ", 30L, null)))
                .as("a blank zone is no zone")
                .isEqualTo(new IntervalSchedule(30));
        assertThat(Schedules.parse(new JobSchedule(null, null, null, new EventTrigger("mesh.events.>", null))))
                .isInstanceOf(EventSchedule.class);
    }

    @Test
    void cronWithoutZoneIsUtc() throws Exception {
        Schedule schedule = Schedules.parse(new JobSchedule("0 9 * * *", null, null, null));

        assertThat(schedule.describe()).isEqualTo("cron \"0 9 * * *\" in UTC");
        assertThat(schedule.nextAfter(FROM)).contains(Instant.parse("2025-03-29T09:00:00Z"));
    }

    @Test
    void exactlyOneKindIsRequired() {
        assertError(null, "schedule")
                .isEqualTo("the schedule is missing: give exactly one of cron (with an optional zone), everySeconds "
                        + "or event");
        assertError(new JobSchedule(null, null, null, null), "schedule").startsWith("the schedule is empty");
        assertError(new JobSchedule("* * * * *", null, 30L, null), "schedule")
                .isEqualTo("the schedule has cron and everySeconds: give exactly one of cron (with an optional "
                        + "zone), everySeconds or event, not several");
        assertError(new JobSchedule(null, "UTC", 30L, null), "schedule.zone")
                .isEqualTo("a time zone only applies to cron schedules; intervals are counted from the epoch in "
                        + "UTC: remove the zone");
        assertError(new JobSchedule(null, "UTC", null, new EventTrigger("mesh.events.x", null)), "schedule.zone")
                .contains("event schedules fire when the event arrives");
    }

    @Test
    void unknownZonesAreRejectedWithAHint() {
        assertError(new JobSchedule("0 9 * * *", "Europe/Berlim", null, null), "schedule.zone")
                .isEqualTo("unknown time zone 'Europe/Berlim': use an IANA name such as Europe/Berlin, "
                        + "America/New_York or UTC (did you mean Europe/Berlin?)");
        assertError(new JobSchedule("0 9 * * *", "europe/paris", null, null), "schedule.zone")
                .endsWith("(did you mean Europe/Paris?)");
        assertError(new JobSchedule("0 9 * * *", "Mars/Olympus_Mons", null, null), "schedule.zone")
                .isEqualTo("unknown time zone 'Mars/Olympus_Mons': use an IANA name such as Europe/Berlin, "
                        + "America/New_York or UTC");
        assertError(new JobSchedule("0 9 * * *", "+25:00", null, null), "schedule.zone")
                .isEqualTo("'+25:00' is not a time zone: use an IANA name such as Europe/Berlin, America/New_York "
                        + "or UTC, or an offset such as +02:00");
    }

    @Test
    void offsetsAndUtcAreZones() throws Exception {
        assertThat(Schedules.zone("+02:00")).isEqualTo(ZoneId.of("+02:00"));
        assertThat(Schedules.zone(" UTC ")).isEqualTo(ZoneId.of("UTC"));
        assertThat(Schedules.zone(null)).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void badIntervalsAreRejected() {
        assertError(new JobSchedule(null, null, 0L, null), "schedule.everySeconds")
                .isEqualTo("everySeconds is 0: the interval must be at least 1 second");
        assertError(new JobSchedule(null, null, -5L, null), "schedule.everySeconds")
                .isEqualTo("everySeconds is -5: the interval must be at least 1 second");
        assertError(new JobSchedule(null, null, 40_000_000L, null), "schedule.everySeconds")
                .isEqualTo("everySeconds is 40000000, more than 31622400 (366 days): use a cron expression for "
                        + "rarer jobs");
    }

    @Test
    void cronAndEventErrorsKeepTheirField() {
        assertError(new JobSchedule("0 25 * * *", "UTC", null, null), "schedule.cron")
                .isEqualTo("the hour field '25' is out of range 0-23");
        assertError(new JobSchedule(null, null, null, new EventTrigger("mesh.>.x", null)), "schedule.event.subject")
                .contains("'>' may only be the last token");
        assertError(
                        new JobSchedule(null, null, null, new EventTrigger("mesh.events.x", Map.of("reason", "x"))),
                        "schedule.event.match")
                .contains("must start with '/'");
    }

    @Test
    void previewGivesTheNextTicksInTheSchedulesZone() throws Exception {
        Schedule berlin = Schedules.parse(new JobSchedule("30 2 * * *", "Europe/Berlin", null, null));

        List<ZonedDateTime> ticks = Schedules.preview(berlin, FROM, 5);

        assertThat(ticks.stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
                .containsExactly(
                        "2025-03-29T02:30+01:00",
                        "2025-03-30T03:00+02:00",
                        "2025-03-31T02:30+02:00",
                        "2025-04-01T02:30+02:00",
                        "2025-04-02T02:30+02:00");
        assertThat(ticks.getFirst().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void previewOfIntervalsIsInUtcAndOfEventsEmpty() throws Exception {
        List<ZonedDateTime> ticks = Schedules.preview(new IntervalSchedule(3600), FROM.plusSeconds(1), 2);

        assertThat(ticks.stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
                .containsExactly("2025-03-28T13:00Z", "2025-03-28T14:00Z");
        assertThat(Schedules.preview(EventSchedule.of("mesh.events.x", null), FROM, 5))
                .isEmpty();
        assertThat(Schedules.preview(new IntervalSchedule(1), FROM, 0)).isEmpty();
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertError(JobSchedule schedule, String field) {
        try {
            Schedules.parse(schedule);
        } catch (ScheduleException e) {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.withField()).isEqualTo(field + ": " + e.getMessage());
            return assertThat(e.getMessage());
        }
        throw new AssertionError(schedule + " was accepted");
    }
}
