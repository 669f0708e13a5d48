package dev.uniwizard.mesh.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds the paths and queries of request URLs: any text, in any language, is percent-encoded as UTF-8. */
public final class Urls {

    private Urls() {}

    /** A value encoded as one path segment or query value: UTF-8, spaces as {@code %20}, never {@code +}. */
    public static String encode(String value) {
        // URLEncoder writes a space as '+' and a literal '+' as %2B, so replacing '+' afterwards is safe.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An empty query to add parameters to. */
    public static Query query() {
        return new Query();
    }

    /** A query string, {@code ?a=1&b=2}; parameters without a value are left out, and no parameter gives "". */
    public static final class Query {

        private final StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");

        private Query() {}

        /** Adds {@code name=value}, unless the value is null. */
        public Query add(String name, Object value) {
            if (value != null) {
                parameters.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
            return this;
        }

        @Override
        public String toString() {
            return parameters.toString();
        }
    }
}
