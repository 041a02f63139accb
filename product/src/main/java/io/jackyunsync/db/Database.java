package io.jackyunsync.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The target database: a HikariCP pool tuned for batched upserts, migrated by Flyway before any route starts. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource open(String url, String user, String password, long connectTimeoutMillis) {
        return open(url, user, password, connectTimeoutMillis, false);
    }

    /** The same pool, with Connector/J's server-side prepared statements when asked (the benchmark compares them). */
    public static HikariDataSource open(String url, String user, String password, long connectTimeoutMillis,
            boolean serverPreparedStatements) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jackyun-sync");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(connectTimeoutMillis);
        // start even while the database is down: each run asks again, and the first that reaches it migrates it
        config.setInitializationFailTimeout(-1);
        // Connector/J: rewrite a batch into multi-row statements (about 8x faster), exact text in utf8mb4
        config.addDataSourceProperty("rewriteBatchedStatements", "true");
        config.addDataSourceProperty("characterEncoding", "UTF-8");
        config.addDataSourceProperty("connectionCollation", "utf8mb4_unicode_ci");
        config.addDataSourceProperty("cachePrepStmts", "true");
        // the parse of a statement is cached only below this length; an upsert or a batch's key count is longer
        config.addDataSourceProperty("prepStmtCacheSqlLimit", "65536");
        // Spring asks the parameter metadata for the type of every NULL it binds; client-side statements have none,
        // and without this Connector/J answers each time with a thrown and caught SQLException
        config.addDataSourceProperty("generateSimpleParameterMetadata", "true");
        // client-side statements: the benchmark measures server-side ones too (faster to write, not yet verified on MySQL 8)
        config.addDataSourceProperty("useServerPrepStmts", Boolean.toString(serverPreparedStatements));
        // an IN list of more keys than eq_range_index_dive_limit (200 by default) is estimated from the index statistics,
        // which lag behind a table that grows (a first load): a batch's 500 orders then look like the whole table, and the
        // query of their lines scans it for every batch; 0 makes the optimizer count the keys in the index itself
        // (docs/performance.md: "Plans of the lines"); set on each new connection by the pool, so that a MYSQL_URL with
        // sessionVariables of its own keeps it
        config.setConnectionInitSql("SET SESSION eq_range_index_dive_limit = 0");
        return new HikariDataSource(config);
    }

    /**
     * The app's own tables from the classpath, and the migrations of scheme targets from {@code migrationsDir}
     * (read at start-up, so a new scheme needs no rebuild). Versions are shared: the directory uses 100 and up.
     */
    public static void migrate(DataSource dataSource, String migrationsDir) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (Files.isDirectory(Path.of(migrationsDir))) {
            locations.add("filesystem:" + Path.of(migrationsDir).toAbsolutePath());
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .load()
                .migrate();
    }
}
