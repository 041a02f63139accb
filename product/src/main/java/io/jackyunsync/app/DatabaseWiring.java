package io.jackyunsync.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.config.DatabaseSettings;
import io.jackyunsync.db.ConnectionProblems;
import io.jackyunsync.db.Database;
import io.jackyunsync.db.SchemaGuard;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.run.Instance;
import io.jackyunsync.scheme.CompiledScheme;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The target database: the pool (closed by the registry when Camel stops), its migrations and the start-up checks. */
public final class DatabaseWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWiring.class);

    private final HikariDataSource dataSource;
    private final SchemaGuard schema;

    private DatabaseWiring(DatabaseSettings db, Collection<CompiledScheme> enabled) {
        this.dataSource = Database.open(db.url(), db.user(), db.password(), db.connectTimeoutMillis());
        this.schema = new SchemaGuard(dataSource, db.migrationsDir().toString(), enabled);
    }

    /** Opens and binds the pool, then asks the database once: a problem only the configuration can fix stops the start. */
    static HikariDataSource bind(CamelContext context, DatabaseSettings db, Collection<CompiledScheme> enabled) throws Exception {
        DatabaseWiring wiring = Beans.bind(context, new DatabaseWiring(db, enabled));
        wiring.check();
        return wiring.dataSource;
    }

    @BindToRegistry(value = "dataSource", destroyMethod = "close")
    public HikariDataSource dataSource() {
        return dataSource;
    }

    @BindToRegistry("schema")
    public SchemaGuard schema() {
        return schema;
    }

    private void check() {
        try {
            // one connection straight from the driver first: its error comes at once, not after the pool's timeout
            ConnectionProblems.probe(dataSource);
            schema.ensure();
            Database.endInterrupted(dataSource, Instance.NAME);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | SQLException e) {
            String problem = ConnectionProblems.configurationProblem(e);
            if (problem != null) {
                throw new ConfigException(List.of(problem));
            }
            LOG.warn("The database is not reachable yet ({}); every run will try again", describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return OneLine.of(root.getMessage(), OneLine.ERROR_MAX);
    }
}
