package io.jackyunsync.db;

import io.jackyunsync.config.ConfigException;
import io.jackyunsync.scheme.CompiledScheme;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the target database with Flyway and checks every scheme's target before the first run that reaches it;
 * until then every run asks again. A target that does not fit its scheme is a configuration error.
 */
public final class SchemaGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaGuard.class);

    private final DataSource dataSource;
    private final String migrationsDir;
    private final Collection<CompiledScheme> schemes;
    private volatile boolean migrated;

    public SchemaGuard(DataSource dataSource, String migrationsDir, Collection<CompiledScheme> schemes) {
        this.dataSource = dataSource;
        this.migrationsDir = migrationsDir;
        this.schemes = schemes;
    }

    public void ensure() throws SQLException {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    Database.migrate(dataSource, migrationsDir);
                    List<String> problems = TargetCheck.check(dataSource, schemes);
                    if (!problems.isEmpty()) {
                        throw new ConfigException(problems);
                    }
                    migrated = true;
                    LOG.info("Database schema is up to date; targets checked: {}", schemes.stream().map(CompiledScheme::name).toList());
                }
            }
        }
    }
}
