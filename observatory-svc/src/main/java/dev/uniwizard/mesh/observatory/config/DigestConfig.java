package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The daily digest, under {@code observatory.digest.*}. */
@ConfigMapping(prefix = "observatory.digest")
public interface DigestConfig {

    /** Whether the digest is sent every day (it can always be read and sent through the API). */
    @WithDefault("true")
    boolean enabled();

    /** The time of day it is sent, in {@link #zone()}. */
    @WithDefault("08:00")
    LocalTime at();

    @WithDefault("UTC")
    ZoneId zone();

    /**
     * How late a day's digest may still go out (when no observatory led at {@link #at()}); after that the day is
     * skipped.
     */
    @WithDefault("6h")
    Duration lateBy();

    /** Whether webhooks get the digest too (as {@code DigestReport} JSON); chats always do. */
    @WithDefault("true")
    boolean webhooks();

    /** How often the leader looks whether the digest is due. */
    @WithDefault("30s")
    Duration checkEvery();
}
