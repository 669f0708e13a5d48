package dev.uniwizard.mesh.house.tools.mesh;

import java.util.List;
import java.util.Optional;

/**
 * {@code house.send.allow}: the houses ({@code ezra}, {@code house:ezra}, {@code house:*}) and operators
 * ({@code telegram:42}, {@code telegram:*}) a house may message; unrestricted when unset. A house never messages
 * itself.
 */
public final class SendAllowList {

    private final String house;
    private final Optional<List<String>> entries;

    public SendAllowList(String house, Optional<List<String>> entries) {
        this.house = house;
        this.entries = entries.map(list ->
                list.stream().map(String::strip).filter(e -> !e.isEmpty()).toList());
    }

    /** Why {@code recipient} may not be messaged, or empty when it may. */
    public Optional<String> refusal(Recipient recipient) {
        if (recipient instanceof Recipient.House target && target.name().equals(house)) {
            return Optional.of("house '" + house + "' may not message itself");
        }
        if (entries.isEmpty() || entries.get().stream().anyMatch(entry -> allows(entry, recipient))) {
            return Optional.empty();
        }
        return Optional.of("house '" + house + "' may not message '" + recipient.key() + "': house.send.allow lists "
                + (entries.get().isEmpty() ? "nobody" : String.join(", ", entries.get())));
    }

    private static boolean allows(String entry, Recipient recipient) {
        return switch (recipient) {
            case Recipient.House target ->
                entry.equals(target.name()) || entry.equals("house:" + target.name()) || entry.equals("house:*");
            case Recipient.Operator operator ->
                entry.equals(operator.key()) || entry.equals(operator.platform() + ":*");
        };
    }
}
