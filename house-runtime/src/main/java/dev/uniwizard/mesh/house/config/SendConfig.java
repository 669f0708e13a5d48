package dev.uniwizard.mesh.house.config;

import java.util.List;
import java.util.Optional;

/** {@code house.send.*}: whom send_message may reach. */
public interface SendConfig {

    /**
     * Houses ({@code ezra}) and recipients ({@code telegram:12345}, {@code telegram:*}) the house may message;
     * unrestricted when unset. Anything else is refused with an explicit error.
     */
    Optional<List<String>> allow();
}
