package io.jackyunsync.app;

import java.util.List;
import java.util.Map;

/** Which schemes run on which cron; instantiated from the schedule route template once the routes are loaded. */
public record Schedules(boolean enabled, Map<String, String> crons, List<String> schemes, Map<String, String> reconcileCrons) {
}
