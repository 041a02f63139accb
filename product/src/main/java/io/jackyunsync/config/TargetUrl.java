package io.jackyunsync.config;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The target's JDBC URL as MySQL Connector/J reads it: checked at start-up, and shown as host, port and database only
 * (a URL may carry a password as user info, {@code ?password=} or {@code (password=…)}).
 */
public final class TargetUrl {

    private static final List<String> DANGEROUS = List.of("allowLoadLocalInfile", "allowUrlInLocalInfile",
            "autoDeserialize", "allowLoadLocalInfileInPath");

    private TargetUrl() {
    }

    /** The URL if the driver can use it; otherwise an IllegalArgumentException saying why, never with the value. */
    public static String check(String text) {
        String url = text.trim();
        if (url.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("starts with jdbc:mariadb:, a driver this app does not ship; write"
                    + " jdbc:mysql://host:port/database (MySQL Connector/J connects to MariaDB too)");
        }
        if (!url.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("must be a jdbc:mysql://host:port/database URL");
        }
        ConnectionUrl parsed = parse(url);
        if (parsed.getDatabase() == null || parsed.getDatabase().isBlank()) {
            throw new IllegalArgumentException("names no database: write jdbc:mysql://host:port/database");
        }
        // options that let a hostile or hijacked server read the host's files or run code through deserialisation
        for (String option : DANGEROUS) {
            String value = parsed.getOriginalProperties().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(option))
                    .map(Map.Entry::getValue).findFirst().orElse("false");
            if (!"false".equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("sets " + option + ", which lets the database server read this host's files"
                        + " or run code in it; remove it");
            }
        }
        return url;
    }

    /** {@code mysql://host:port/database}, with no user, password or option, for log lines. */
    public static String display(String url) {
        try {
            ConnectionUrl parsed = parse(url);
            HostInfo host = parsed.getMainHost();
            int others = parsed.getHostsList().size() - 1;
            return "mysql://" + host.getHost() + ":" + host.getPort() + "/" + parsed.getDatabase()
                    + (others > 0 ? " (and " + others + " more host" + (others > 1 ? "s" : "") + ")" : "");
        } catch (IllegalArgumentException e) {
            return "mysql://(a URL the driver cannot read)";
        }
    }

    private static ConnectionUrl parse(String url) {
        try {
            return ConnectionUrl.getConnectionUrlInstance(url, new Properties());
        } catch (RuntimeException e) {
            // the driver's message may quote parts of the URL: not repeated
            throw new IllegalArgumentException("not a URL MySQL Connector/J can read (jdbc:mysql://host:port/database);"
                    + " the value is not shown, it may hold a password");
        }
    }
}
