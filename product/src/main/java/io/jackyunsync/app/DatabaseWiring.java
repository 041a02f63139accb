package io.jackyunsync.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.config.DatabaseSettings;
import io.jackyunsync.db.ConnectionProblems;
import io.jackyunsync.db.Database;
import io.jackyunsync.db.SchemaGuard;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.scheme.CompiledScheme;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The target database: the pool (closed by the registry when Camel stops), its migrations and the start-up checks. */
final class DatabaseWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWiring.class);

    private DatabaseWiring() {
    }

    /** Opens and binds the pool, then asks the database once: a problem only the configuration can fix stops the start. */
    static HikariDataSource bind(Registry registry, DatabaseSettings db, Collection<CompiledScheme> enabled) {
        HikariDataSource dataSource = Database.open(db.url(), db.user(), db.password(), db.connectTimeoutMillis());
        registry.bind("dataSource", HikariDataSource.class, dataSource, null, "close");
        SchemaGuard schema = new SchemaGuard(dataSource, db.migrationsDir().toString(), enabled);
        registry.bind("schema", schema);
        try {
            // one connection straight from the driver first: its error comes at once, not after the pool's timeout
            ConnectionProblems.probe(dataSource);
            schema.ensure();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | SQLException e) {
            String problem = ConnectionProblems.configurationProblem(e);
            if (problem != null) {
                throw new ConfigException(List.of(problem));
            }
            LOG.warn("The database is not reachable yet ({}); every run will try again", describe(e));
        }
        return dataSource;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return OneLine.of(root.getMessage(), OneLine.ERROR_MAX);
    }
}
