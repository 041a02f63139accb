package io.jackyunsync.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** The target database: its URL (which may carry a password, read byte for byte), credentials and migrations. */
public record DatabaseSettings(String url, String user, String password, long connectTimeoutMillis, Path migrationsDir) {

    public static DatabaseSettings read(Reader r) {
        return new DatabaseSettings(
                r.requiredSecret("mysql.url", DatabaseSettings::jdbcUrl),
                r.required("mysql.user", Function.identity()),
                r.secret("mysql.password").orElse(""),
                r.number("mysql.connect-timeout-millis", 10_000, 250, 600_000),
                Path.of(r.optional("sync.migrations-dir").orElse("migrations")));
    }

    private static String jdbcUrl(String text) {
        TargetUrl.check(text);
        // the app turns the rewrite on; a URL that turns it off would write every batch row by row, ~8x slower
        if (text.toLowerCase(Locale.ROOT).matches(".*[?&]rewritebatchedstatements=false(&.*)?")) {
            throw new IllegalArgumentException("sets rewriteBatchedStatements=false, which makes every batched upsert"
                    + " a statement per row (about 8x slower); remove it (the app sets it to true)");
        }
        return text.trim();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + (url == null ? null : TargetUrl.display(url)) + ", user=" + user + ", password="
                + Reader.mask(password) + ", connectTimeoutMillis=" + connectTimeoutMillis + ", migrationsDir=" + migrationsDir + "]";
    }
}
