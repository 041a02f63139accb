package io.jackyunsync.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Every option of the app by area, read once at start-up from Camel's properties (application.properties, overridden
 * by environment variables such as JACKYUN_SECRET for jackyun.secret) and checked together. Never bound in the
 * registry: it holds the secrets.
 */
public record Settings(JackyunSettings jackyun, DatabaseSettings database, RunSettings run, RetrySettings retry,
        AlertSettings alerts, ObserveSettings observe, ClusterSettings cluster, ConsoleSettings console,
        ReconcileSettings reconcile) {

    /** Reads and checks every option, adding a line per problem to {@code problems}. */
    public static Settings read(PropertiesComponent pc, List<String> problems) {
        Reader r = new Reader(pc, problems);
        return new Settings(JackyunSettings.read(r), DatabaseSettings.read(r), RunSettings.read(r), RetrySettings.read(r),
                AlertSettings.read(r), ObserveSettings.read(r), ClusterSettings.read(r), ConsoleSettings.read(r),
                ReconcileSettings.read(r));
    }

    /** Reads and checks every option; one {@link ConfigException} names every bad key. */
    public static Settings read(PropertiesComponent pc) {
        List<String> problems = new ArrayList<>();
        Settings settings = read(pc, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }
}
