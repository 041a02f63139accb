package io.jackyunsync.app;

import java.util.List;
import java.util.Map;

/**
 * Which schemes run on which cron, and for which accounts (one trigger per scheme and account); instantiated from the
 * schedule route templates once the routes are loaded.
 */
public record Schedules(boolean enabled, Map<String, String> crons, List<String> schemes, Map<String, String> reconcileCrons,
        Map<String, List<String>> accounts) {
}
