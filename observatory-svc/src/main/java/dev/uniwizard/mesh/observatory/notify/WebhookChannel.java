package dev.uniwizard.mesh.observatory.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A webhook that gets each notification as JSON in a POST.
 *
 * @param uri where it is posted (without user info)
 * @param destination the URL as recorded: without user info, query or fragment, which may hold credentials
 * @param authorization a Basic {@code Authorization} header from the URL's user info, or null
 */
public record WebhookChannel(URI uri, String destination, String authorization) implements Channel {

    public static final String NAME = "webhook";

    /**
     * Parses an absolute http(s) URL; {@code user:password@} in it becomes Basic authentication.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static WebhookChannel parse(String url) {
        String value = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "observatory.notify.webhooks entry '" + value + "' is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("observatory.notify.webhooks entry '" + value
                    + "' is not an absolute http or https URL (e.g. http://127.0.0.1:9000/alerts)");
        }
        try {
            URI target =
                    new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            URI shown = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            String authorization = uri.getUserInfo() == null
                    ? null
                    : "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8));
            return new WebhookChannel(target, shown.toString(), authorization);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "observatory.notify.webhooks entry '" + value + "' is not a URL: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + destination + "]";
    }
}
