package io.jackyunsync.db;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Migrates the target database with Flyway before the first run that reaches it; until then every run asks again. */
public final class SchemaGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaGuard.class);

    private final DataSource dataSource;
    private volatile boolean migrated;

    public SchemaGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void ensure() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    Database.migrate(dataSource);
                    migrated = true;
                    LOG.info("Database schema is up to date");
                }
            }
        }
    }
}
