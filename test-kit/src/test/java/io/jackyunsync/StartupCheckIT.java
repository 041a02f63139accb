package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.AppProcess;
import io.jackyunsync.support.SecuredMariaDb;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a configuration that cannot work stops the app at start-up (exit 2, the key named, no secret shown),
 * that secrets reach the gateway and the database byte for byte, and that the target is logged without credentials.
 */
class StartupCheckIT {

    static final String SECRET = "startup-secret";
    static final String BRACED_SECRET = "ab{{cd}}ef";
    static final String BRACED_PASSWORD = "p{{w}}d\\";

    static JackyunSimulator simulator;
    static JackyunSimulator bracedSimulator;
    static TestDatabase db;
    static SecuredMariaDb secured;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        secured = SecuredMariaDb.start();
        simulator = Simulators.sized("777", SECRET, 3, 60);
        bracedSimulator = Simulators.sized("778", BRACED_SECRET, 4, 60);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        bracedSimulator.close();
        secured.close();
    }

    private static Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>(Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", "777",
                "JACKYUN_SECRET", SECRET, "MYSQL_URL", url, "MYSQL_USER", db.user(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100",
                "SYNC_WRITE_RETRY_INITIAL_DELAY_MILLIS", "20"));
        if (!db.password().isEmpty()) {
            env.put("MYSQL_PASSWORD", db.password());
        }
        return env;
    }

    /** Item 10: the INFO line names the target by host, port and database. */
    @Test
    void should_log_the_target_without_its_user_password_or_options() throws Exception {
        String url = TestDatabase.create().url().replace("jdbc:mysql://", "jdbc:mysql://root:pw-in-user-info@")
                + "?password=pw-in-query&useSSL=false";
        String hostPortDb = url.replaceAll("^jdbc:mysql://[^@]*@([^?]*)\\?.*$", "$1");

        AppProcess.Result r = AppProcess.run(tmp, env(url), "--once");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("target mysql://" + hostPortDb);
        assertThat(r.all()).doesNotContain("pw-in-user-info").doesNotContain("pw-in-query").doesNotContain("useSSL");
    }

    /** Item 12: a switch that is not true or false, one for no scheme, and --once with nothing enabled are exit 2. */
    @Test
    void should_check_every_scheme_switch_and_refuse_a_once_that_has_nothing_to_run() throws Exception {
        Map<String, String> notBoolean = env(db.url());
        notBoolean.putAll(Map.of("SYNC_WAREHOUSE_ENABLED", "yes", "SYNC_SALES_CHANNEL_ENABLED", "1"));
        AppProcess.Result bad = AppProcess.run(tmp, notBoolean, "--once");

        assertThat(bad.exit()).as(bad.all()).isEqualTo(2);
        assertThat(bad.err()).contains("sync.warehouse.enabled (environment SYNC_WAREHOUSE_ENABLED) must be true or false (got 'yes')",
                "sync.sales-channel.enabled (environment SYNC_SALES_CHANNEL_ENABLED) must be true or false (got '1')");

        Map<String, String> noSuchScheme = env(db.url());
        noSuchScheme.put("SYNC_GADGETS_ENABLED", "true");
        AppProcess.Result unknown = AppProcess.run(tmp, noSuchScheme, "--once");

        assertThat(unknown.exit()).as(unknown.all()).isEqualTo(2);
        assertThat(unknown.err()).contains("SYNC_GADGETS_ENABLED names no scheme (the schemes are ").contains("warehouse", "sales-channel");

        Map<String, String> nothing = env(db.url());
        nothing.put("SYNC_WAREHOUSE_ENABLED", "false");
        AppProcess.Result none = AppProcess.run(tmp, nothing, "--once");

        assertThat(none.exit()).as(none.all()).isEqualTo(2);
        assertThat(none.err()).contains("no scheme is enabled, so --once has nothing to do", "SYNC_WAREHOUSE_ENABLED=true",
                "SYNC_SALES_CHANNEL_ENABLED=true");
    }

    /** Item 13: credentials refused, an unknown database, a refused URL option or a missing privilege stop the start. */
    @Test
    void should_stop_at_start_up_on_database_errors_only_the_configuration_can_fix() throws Exception {
        String url = secured.createDatabase("denied");
        secured.createUser("sync_denied", "right-password", "ALL PRIVILEGES", "denied");
        Map<String, String> wrongPassword = env(url);
        wrongPassword.putAll(Map.of("MYSQL_USER", "sync_denied", "MYSQL_PASSWORD", "Wr0ng-password-not-shown"));

        AppProcess.Result denied = AppProcess.run(tmp, wrongPassword, "--once");

        assertThat(denied.exit()).as(denied.all()).isEqualTo(2);
        assertThat(denied.err()).contains("mysql.user, mysql.password (environment MYSQL_USER, MYSQL_PASSWORD): the database refuses them:"
                + " Access denied for user 'sync_denied'");
        assertThat(denied.all()).doesNotContain("Wr0ng-password-not-shown").doesNotContain("not reachable yet");

        String server = db.url().substring(0, db.url().lastIndexOf('/') + 1);
        assertThat(startProblem(Map.of("mysql.url", server + "no_such_database_here")))
                .contains("mysql.url (environment MYSQL_URL) names a database that does not exist",
                        "Unknown database 'no_such_database_here'");
        assertThat(startProblem(Map.of("mysql.url", db.url() + "?sslMode=bogus")))
                .contains("mysql.url (environment MYSQL_URL) has an option MySQL Connector/J refuses: The connection property 'sslMode'");
        assertThat(startProblem(Map.of("mysql.url", db.url() + "?connectTimeout=abc")))
                .contains("has an option MySQL Connector/J refuses: The connection property 'connectTimeout' only accepts integer values");
        assertThat(startProblem(Map.of("mysql.url", db.url().replace("jdbc:mysql:", "jdbc:mariadb:"))))
                .contains("mysql.url (environment MYSQL_URL) is invalid: starts with jdbc:mariadb:");
        String readOnly = secured.createDatabase("read_only");
        secured.createUser("sync_reader", "reader-pw", "SELECT", "read_only");
        assertThat(startProblem(Map.of("mysql.url", readOnly, "mysql.user", "sync_reader", "mysql.password", "reader-pw")))
                .contains("mysql.user (environment MYSQL_USER) lacks a privilege the app needs",
                        "CREATE command denied to user 'sync_reader'");

        // a server that is not there (yet) is not a configuration error: the app starts and every run tries again
        Map<String, String> down = new HashMap<>(AppOverrides.of(db, simulator));
        down.put("mysql.url", "jdbc:mysql://127.0.0.1:" + Simulators.freePort() + "/nothing_listens");
        assertThatCode(() -> SyncApp.start(down).close()).doesNotThrowAnyException();
    }

    /** Item 13: a _function the database refuses is found by preparing the upsert once at start-up. */
    @Test
    void should_stop_at_start_up_on_a_function_the_database_refuses() throws Exception {
        Path schemes = Files.createDirectories(tmp.resolve("schemes"));
        String warehouse = Files.readString(Path.of("schemes", "warehouse.yaml"));
        String broken = warehouse.replaceFirst(
                "_function DATE_FORMAT\\(DATE_ADD\\(NOW\\(\\),INTERVAL - 10 SECOND\\),'%Y-%m-%d 00:00:00'\\)",
                "_function NO_SUCH_FN(1)");
        assertThat(broken).isNotEqualTo(warehouse);
        Files.writeString(schemes.resolve("warehouse.yaml"), broken);
        TestDatabase own = TestDatabase.create();
        Map<String, String> env = env(own.url());
        env.put("SYNC_SCHEMES_DIR", schemes.toString());

        AppProcess.Result r = AppProcess.run(tmp, env, "--once");

        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("scheme warehouse, field create_time: the database refuses its _function NO_SUCH_FN(1):"
                + " FUNCTION " + own.url().substring(own.url().lastIndexOf('/') + 1) + ".NO_SUCH_FN does not exist");
        assertThat(own.count("SELECT COUNT(*) FROM sync_run")).isZero();
    }

    /** Item 15: a secret and a password holding "{{" reach the gateway's signature check and the database unchanged. */
    @Test
    void should_pass_a_secret_and_a_password_with_braces_byte_for_byte() throws Exception {
        String url = secured.createDatabase("braces");
        secured.createUser("sync_braces", BRACED_PASSWORD, "ALL PRIVILEGES", "braces");
        Map<String, String> env = env(url);
        env.putAll(Map.of("JACKYUN_GATEWAY", bracedSimulator.url().toString(), "JACKYUN_APPKEY", "778", "JACKYUN_SECRET", BRACED_SECRET,
                "MYSQL_USER", "sync_braces", "MYSQL_PASSWORD", BRACED_PASSWORD));

        AppProcess.Result r = AppProcess.run(tmp, env, "--once");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("warehouse: OK");
        assertThat(secured.count("braces", "SELECT COUNT(*) FROM warehouse")).isPositive();
        assertThat(r.all()).doesNotContain(BRACED_SECRET).doesNotContain(BRACED_PASSWORD);
    }

    /** The problems of an in-process start with these settings over the test's usual ones. */
    private static String startProblem(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(AppOverrides.of(db, simulator));
        all.putAll(settings);
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> SyncApp.start(all).close()).satisfies(e -> thrown[0] = e);
        ConfigException config = Application.configProblem(thrown[0]);
        assertThat(config).as("a configuration error, not %s", thrown[0]).isNotNull();
        return config.getMessage();
    }
}
