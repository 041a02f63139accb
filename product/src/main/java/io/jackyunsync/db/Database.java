package io.jackyunsync.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The target database: a HikariCP pool tuned for batched upserts, migrated by Flyway before any route starts. */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

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
     * At start-up: the runs and reconciliations an earlier process of this instance's name left RUNNING end FAILED
     * (interrupted); a process just started has none of its own yet.
     */
    public static void endInterrupted(DataSource dataSource, String instance) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of(SqlFile.read("instance-runs-interrupted.sql"), SqlFile.read("instance-reconciles-interrupted.sql"))) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, instance);
                    int ended = s.executeUpdate();
                    if (ended > 0) {
                        LOG.warn("{} run(s) or reconciliation(s) of an earlier process named {} were still RUNNING: FAILED, interrupted",
                                ended, instance);
                    }
                }
            }
        }
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
                // the two locations are two sequences (the app's 1-99, the schemes' 100 and up): an app migration newer
                // than a database's last scheme migration (V12 after V104) is applied, not refused as out of order
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
