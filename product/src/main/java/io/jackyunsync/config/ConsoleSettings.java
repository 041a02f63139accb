package io.jackyunsync.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The Hawtio console (--console): on or off, its address (loopback only: it has no login) and its war. */
public record ConsoleSettings(boolean hawtioEnabled, String host, int hawtioPort, Path war) {

    /** The host names a console without a login may be bound to and called by. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1", "[::1]");

    public static ConsoleSettings read(Reader r) {
        ConsoleSettings s = new ConsoleSettings(
                r.bool("console.hawtio.enabled", false),
                r.optional("console.host").orElse("127.0.0.1"),
                (int) r.number("console.hawtio.port", 8082, 0, 65535),
                Path.of(r.optional("console.hawtio.war").orElse("target/hawtio/hawtio.war")));
        if (s.hawtioEnabled() && !isLoopback(s.host())) {
            r.problems().add("console.host (environment CONSOLE_HOST) must be a loopback name, one of " + LOOPBACK_NAMES
                    + ", while the Hawtio console (--console) has no login (got '" + s.host() + "'); reach it through an SSH tunnel");
        }
        if (s.hawtioEnabled() && !Files.isRegularFile(s.war())) {
            r.problems().add("console.hawtio.war (environment CONSOLE_HAWTIO_WAR) names no file: " + s.war().toAbsolutePath()
                    + " (the build copies it to target/hawtio/hawtio.war)");
        }
        return s;
    }

    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }
}
