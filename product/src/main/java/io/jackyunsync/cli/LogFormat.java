package io.jackyunsync.cli;

import ch.qos.logback.core.PropertyDefinerBase;
import io.jackyunsync.config.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The log format, chosen by {@code JACKYUN_SYNC_LOG_FORMAT}: {@code text} (the default: one line per event, ISO-8601 date
 * with its offset) or {@code json} (logback's JsonEncoder: one JSON object per line). logback.xml asks this class which
 * of its two appenders to use ({@code <define>}); an unknown value logs as text there, and start-up refuses it (exit 2)
 * through {@link #require}, so a typo is told at once rather than shipping text logs to a JSON collector.
 */
public final class LogFormat extends PropertyDefinerBase {

    public static final String VARIABLE = "JACKYUN_SYNC_LOG_FORMAT";
    static final List<String> FORMATS = List.of("text", "json");

    /** The appender logback.xml uses: {@code text} or {@code json}. */
    @Override
    public String getPropertyValue() {
        String format = normalised(System.getenv(VARIABLE));
        return FORMATS.contains(format) ? format : "text";
    }

    /** Refuses an unknown format before the mode runs (every mode logs); --help and --version print without logging. */
    public static void require(CommandLine cli, Map<String, String> env) {
        if (cli.mode() == CommandLine.Mode.HELP || cli.mode() == CommandLine.Mode.VERSION) {
            return;
        }
        String value = env.get(VARIABLE);
        if (!FORMATS.contains(normalised(value))) {
            throw new ConfigException(List.of(VARIABLE + " is '" + value + "': it takes text (the default) or json"));
        }
    }

    /**
     * Sends java.util.logging through SLF4J (logback.xml's LevelChangePropagator keeps JUL's levels in step), so that a
     * library logging there writes in the chosen format on stderr, not JUL's two-line text.
     */
    public static void bridgeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static String normalised(String value) {
        return value == null || value.isBlank() ? "text" : value.trim().toLowerCase(Locale.ROOT);
    }
}
