package dev.uniwizard.mesh.gateway.operators;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is who: platform identities ({@code telegram:123456}) and API bearer tokens, mapped to operators. Built from
 * {@code gateway.operators.*} at start; a malformed entry stops the start with a message naming it.
 */
@Singleton
public class OperatorDirectory {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    private final Map<String, Operator> byIdentity = new HashMap<>();
    private final List<TokenEntry> tokens = new ArrayList<>();
    private final Map<String, Operator> byName = new HashMap<>();

    private record TokenEntry(byte[] sha256, Operator operator) {}

    @Inject
    public OperatorDirectory(GatewayConfig config) {
        this(config.operators());
    }

    public OperatorDirectory(Map<String, GatewayConfig.Operator> operators) {
        operators.forEach((name, entry) -> {
            String house = entry.house().strip().toLowerCase(Locale.ROOT);
            if (!Subjects.isToken(house)) {
                throw new IllegalArgumentException("gateway.operators." + name + ".house '" + entry.house()
                        + "' is not a house name (lower-case letters, digits, '_' or '-')");
            }
            Operator operator = new Operator(name, house);
            byName.put(name, operator);
            for (String identity : entry.identities().orElse(List.of())) {
                String key = identityKey(name, identity);
                Operator previous = byIdentity.putIfAbsent(key, operator);
                if (previous != null && !previous.name().equals(name)) {
                    throw new IllegalArgumentException("identity '" + identity + "' is given to both operators "
                            + previous.name() + " and " + name + " in gateway.operators");
                }
            }
            for (String token : entry.tokens().orElse(List.of())) {
                tokens.add(new TokenEntry(tokenDigest(name, token), operator));
            }
        });
    }

    /** The operator who is {@code userId} on {@code platform}, if configured. */
    public Optional<Operator> byIdentity(String platform, String userId) {
        if (platform == null || userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byIdentity.get(platform.toLowerCase(Locale.ROOT) + ":" + userId.strip()));
    }

    /** The operator holding bearer {@code token}; every configured token is compared in constant time. */
    public Optional<Operator> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = sha256(token.strip());
        Operator found = null;
        for (TokenEntry entry : tokens) {
            if (MessageDigest.isEqual(entry.sha256(), digest)) {
                found = entry.operator();
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Operator> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String identityKey(String operator, String identity) {
        String text = identity.strip();
        int colon = text.indexOf(':');
        if (colon <= 0
                || colon == text.length() - 1
                || !Subjects.isToken(text.substring(0, colon).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("gateway.operators." + operator + ".identities entry '" + identity
                    + "' must be <platform>:<user id>, e.g. telegram:123456789 or slack:U024BE7LH");
        }
        return text.substring(0, colon).toLowerCase(Locale.ROOT) + ":"
                + text.substring(colon + 1).strip();
    }

    private static byte[] tokenDigest(String operator, String token) {
        String text = token.strip();
        if (SHA256.matcher(text).matches()) {
            return HexFormat.of().parseHex(text.substring("sha256:".length()).toLowerCase(Locale.ROOT));
        }
        if (text.length() < 16) {
            throw new IllegalArgumentException("gateway.operators." + operator
                    + ".tokens: a token must have at least 16 characters (or be given as sha256:<hex>)");
        }
        return sha256(text);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
