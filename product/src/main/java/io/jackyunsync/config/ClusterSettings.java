package io.jackyunsync.config;

/** Clustered scheduling: on or off, how often an instance checks in, and the cluster's name. */
public record ClusterSettings(boolean enabled, long checkinMillis, String name) {

    public static ClusterSettings read(Reader r) {
        return new ClusterSettings(
                r.bool("sync.cluster.enabled", false),
                r.number("sync.cluster.checkin-millis", 5000, 500, 600_000),
                r.optional("sync.cluster.name").isPresent() ? r.required("sync.cluster.name", ClusterSettings::name) : "jackyun-sync");
    }

    private static String name(String text) {
        if (!text.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return text;
    }
}
