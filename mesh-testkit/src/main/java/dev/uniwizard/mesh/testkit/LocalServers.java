package dev.uniwizard.mesh.testkit;

/** Where the machine's real servers are; override with environment variables on other set-ups. */
public final class LocalServers {

    private LocalServers() {}

    public static String natsUrl() {
        return env("MESH_TEST_NATS_URL", "nats://127.0.0.1:4222");
    }

    /** JDBC URL of a database the tests may connect to in order to create their own databases. */
    public static String adminJdbcUrl() {
        return env("MESH_TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String pgBaseUrl() {
        return env("MESH_TEST_PG_BASE_URL", "jdbc:postgresql://127.0.0.1:5432/");
    }

    public static String pgUser() {
        return env("MESH_TEST_PG_USER", "postgres");
    }

    public static String pgPassword() {
        return env("MESH_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
