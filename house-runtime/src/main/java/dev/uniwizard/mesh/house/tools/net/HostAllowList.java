package dev.uniwizard.mesh.house.tools.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts outbound HTTP tools may reach ({@code house.http.allowed-hosts}): exact host names or IP literals, or
 * {@code *.example.org} for every subdomain of {@code example.org} (not {@code example.org} itself), compared without
 * regard to case, on any port. Only {@code http} and {@code https} URLs pass; everything is checked before a connection
 * is made.
 */
public final class HostAllowList {

    private final List<String> patterns;

    /** @throws IllegalArgumentException when a pattern is neither a host name nor {@code *.domain} */
    public HostAllowList(List<String> patterns) {
        this.patterns = patterns.stream()
                .map(String::strip)
                .filter(pattern -> !pattern.isEmpty())
                .map(HostAllowList::checkedPattern)
                .toList();
    }

    /** The patterns as configured (normalized), for messages. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether {@code host} (a name or an IP literal, IPv6 with or without brackets) may be reached. */
    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String candidate = normalize(host);
        for (String pattern : patterns) {
            if (pattern.startsWith("*.")) {
                String suffix = pattern.substring(1);
                if (candidate.endsWith(suffix) && candidate.length() > suffix.length()) {
                    return true;
                }
            } else if (pattern.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The URL as a URI when it may be fetched; otherwise why not (not a URL, not http/https, no host, or a host that
     * is not allowed, with the allowed list).
     */
    public URI check(String url) throws HostNotAllowedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new HostNotAllowedException("'" + url + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new HostNotAllowedException(
                    "'" + url + "' is not an http or https URL (write it as http://host/path or https://host/path)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new HostNotAllowedException(
                    "'" + url + "' names no host (or a host name with characters a URL" + " may not contain)");
        }
        if (!allows(host)) {
            throw new HostNotAllowedException("host '" + host + "' is not allowed: house.http.allowed-hosts allows "
                    + describe() + "; nothing was sent");
        }
        return uri;
    }

    /** The allowed hosts, for messages. */
    public String describe() {
        return patterns.isEmpty() ? "no host at all" : String.join(", ", patterns);
    }

    /** The host of {@code url} in lower case, or empty when it has none; for permission rule targets. */
    public static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(new URI(url.strip()).getHost()).map(HostAllowList::normalize);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String checkedPattern(String pattern) {
        String normalized = normalize(pattern);
        String name = normalized.startsWith("*.") ? normalized.substring(2) : normalized;
        if (name.isEmpty() || name.contains("*") || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("house.http.allowed-hosts: '" + pattern + "' is not a host name, an IP"
                    + " address or *.domain (e.g. api.example.org or *.example.org)");
        }
        return normalized;
    }

    private static String normalize(String host) {
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }
}
