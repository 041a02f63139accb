package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jackyunsync.demo.Demo;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.simulator.TradeDataSet;
import io.jackyunsync.support.GatewayClient;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import io.jackyunsync.support.TruncatingGateway;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the command line contract in a real process: environment variables, exit codes, output, no secret shown. */
class ApplicationCommandLineIT {

    static final String SECRET = "S3cr3t-never-shown-42";
    static JackyunSimulator simulator;
    static TestDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        simulator = Simulators.sized("777", SECRET, 5, 180);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Result run(Map<String, String> env, String... args) throws Exception {
        return run(Simulators.appCommand(args), env, args);
    }

    /** {@code java -jar target/jackyun-sync.jar args...}: the packaged jar itself, its manifest included. */
    Result runJar(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "jackyun-sync.jar").toString()));
        command.addAll(List.of(args));
        return run(command, env, args);
    }

    Result run(List<String> command, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JACKYUN_") || k.startsWith("MYSQL_") || k.startsWith("SYNC_"));
        // a host without a UTF-8 locale: the output must still be UTF-8
        pb.environment().put("LANG", "C");
        pb.environment().remove("LC_ALL");
        pb.environment().putAll(env);
        pb.environment().putAll(Simulators.childEnvironment());
        File out = tmp.resolve("out-" + System.nanoTime()).toFile();
        File err = tmp.resolve("err-" + System.nanoTime()).toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within 120 s");
        }
        Result result = new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        // kept for a person to read: target/cli-test/<args>.log
        Path log = Path.of("target", "cli-test", String.join("_", args).replace("-", "") + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "exit " + result.exit() + "\n--- stdout\n" + result.out() + "--- stderr\n" + result.err());
        return result;
    }

    Map<String, String> env(String secret) {
        return Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", "777", "JACKYUN_SECRET", secret,
                "MYSQL_URL", db.url(), "MYSQL_USER", db.user(), "MYSQL_PASSWORD", db.password(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100");
    }

    @Test
    void should_name_every_missing_setting_and_exit_2() throws Exception {
        Result r = run(Map.of("SYNC_WAREHOUSE_CRON", "every ten minutes"), "--once");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("JACKYUN_APPKEY", "JACKYUN_SECRET", "MYSQL_URL", "MYSQL_USER", "sync.warehouse.cron",
                "every ten minutes");
    }

    @Test
    void should_serve_the_simulator_alone_with_the_keys_from_the_environment() throws Exception {
        int port = Simulators.freePort();
        ProcessBuilder pb = new ProcessBuilder(Simulators.appCommand("--simulator", "--port",
                Integer.toString(port), "--records", "120"));
        pb.environment().putAll(Simulators.childEnvironment());
        pb.environment().putAll(Map.of("JACKYUN_APPKEY", "4242", "JACKYUN_SECRET", "standalone-secret"));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("simulator.log").toFile());
        Process p = pb.start();
        try {
            var client = new GatewayClient(URI.create("http://127.0.0.1:" + port + "/open/openapi/do"),
                    "4242", "standalone-secret", Clock.systemUTC());
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                    () -> client.call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":200}").data().get("warehouseInfo").size() > 0);
            int served = client.call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":200,\"includeDeleteAndBlockup\":1}")
                    .data().get("warehouseInfo").size();
            assertThat(served).isEqualTo(120);
        } finally {
            p.destroy();
        }
        assertThat(Files.readString(tmp.resolve("simulator.log"))).contains("120 warehouses").doesNotContain("standalone-secret");
    }

    @Test
    void should_run_the_demo_with_nothing_installed_and_exit_0() throws Exception {
        Result r = run(Map.of(), "--demo");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).containsPattern("warehouse: OK pages=\\d+ records=\\d+ inserted=\\d+")
                .contains("杭州一号仓🚚📦").containsPattern("\\n\\d{4} rows in warehouse \\(last update 20")
                .doesNotContainPattern("\\d+ +rows +null"); // a count is not printed as a row of the table
        // the orders: every one of the data set read whole against the totals, lines under their orders, the archive's counted
        int trades = Demo.TRADES;
        assertThat(r.out())
                .containsPattern("trade: OK pages=\\d+ records=" + trades + " inserted=" + trades + " .* reads=\\d+ expected=" + trades)
                .containsPattern(
                        "\\ntrade_no +status +shop +check_total +deleted +gmt_modified\\nJY\\d+ +\\d+ +\\S+ +\\d+\\.\\d{4} +no +20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n"
                                + " {4}\\S+ +\\d+ x [\\d.]+ = \\d+\\.\\d{4}\\n")
                // the oldest deleted order is shown as such, its lines with it
                .containsPattern(
                        "\\nJY\\d+ [^\\n]* \\d+\\.\\d{4} +yes +20[^\\n]*\\n {4}\\S+ +\\d+ x [\\d.]+ = \\d+\\.\\d{4}  \\(deleted with its order\\)\\n")
                .containsPattern("; [1-9]\\d* are deleted in Jackyun \\(is_delete=1, their lines too\\)");
        Matcher landed = Pattern.compile("\\n(\\d+) orders and (\\d+) lines landed in trade / trade_goods; (\\d+) of the orders "
                + "came from the archive table \\(isTableSwitch=2[^\\n]*the run took (\\d+) reads \\((\\d+) rereads\\)").matcher(r.out());
        assertThat(landed.find()).as(r.out()).isTrue();
        assertThat(Long.parseLong(landed.group(1))).isEqualTo(trades);
        // the lines do not depend on the clock: the same data set says how many there are
        long lines = new TradeDataSet(Demo.SEED, trades, Demo.TRADE_DAYS,
                Clock.systemUTC()).trades().stream().mapToLong(t -> t.lines().size()).sum();
        assertThat(Long.parseLong(landed.group(2))).isEqualTo(lines);
        // 200 days of orders, archived after 90: about 110/200 of them; some live only in the archive, not all
        assertThat(Long.parseLong(landed.group(3))).isBetween(trades / 4L, trades * 3L / 4);
        assertThat(Long.parseLong(landed.group(4))).isGreaterThanOrEqualTo(2 * 29); // 201 days in 7-day slices, 2 tables each
        long lineRows = r.out().lines().filter(l -> l.matches(" {4}\\S+ +\\d+ x [\\d.]+ = \\d+\\.\\d{4}(  \\(deleted with its order\\))?"))
                .count();
        long orderRows = r.out().lines().filter(l -> l.matches("JY\\d+ .*")).count();
        assertThat(orderRows).isEqualTo(5);
        assertThat(lineRows).isGreaterThanOrEqualTo(orderRows);
    }

    @Test
    void should_refuse_an_unknown_argument() throws Exception {
        Result r = run(Map.of(), "--onse");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown argument: --onse").contains(Application.USAGE);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void should_print_every_command_and_option_on_stdout_for_help_and_exit_0() throws Exception {
        Result r = runJar(Map.of(), "--help");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).startsWith("usage: java -jar target/jackyun-sync.jar").contains(UsageAndVersionTest.OPTIONS)
                .contains("--faults SPEC", "exclusiveBounds", "JACKYUN_SYNC_LOG_FORMAT");
        assertThat(r.err()).doesNotContain("usage:");
    }

    @Test
    void should_print_the_project_version_from_the_jar_and_exit_0() throws Exception {
        String version = System.getProperty("project.version");
        assertThat(version).as("the pom's failsafe configuration passes project.version").isNotBlank();

        Result r = runJar(Map.of(), "--version");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out().lines().findFirst()).contains("jackyun-sync " + version);
        assertThat(r.out()).containsPattern("\\nApache Camel 4\\.18\\.\\d+\\n").containsPattern("\\nJava \\d+");
    }

    @Test
    void should_refuse_an_unknown_log_format_with_exit_2() throws Exception {
        Result r = run(Map.of("JACKYUN_SYNC_LOG_FORMAT", "xml"), "--status");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("JACKYUN_SYNC_LOG_FORMAT is 'xml': it takes text (the default) or json");
    }

    @Test
    void should_log_one_json_object_per_line_each_line_of_the_run_with_its_account_scheme_and_id() throws Exception {
        Map<String, String> env = new HashMap<>(env(SECRET));
        env.put("MYSQL_URL", TestDatabase.create().url());
        env.put("JACKYUN_SYNC_LOG_FORMAT", "json");
        env.put("JACKYUN_SYNC_LOG_LEVEL", "DEBUG");

        Result r = run(env, "--once");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("warehouse: OK");
        var json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.err().split("\\n")) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("timestamp").isNumber() && event.hasNonNull("level") && event.hasNonNull("formattedMessage")).as(line)
                    .isTrue();
            lines.add(event);
        }
        List<JsonNode> run = lines.stream()
                .filter(e -> e.path("loggerName").asText().startsWith("io.jackyunsync.run.")).toList();
        assertThat(run).extracting(e -> e.path("formattedMessage").asText())
                .anyMatch(m -> m.matches("Run #\\d+ of warehouse started.*")).anyMatch(m -> m.contains("a batch of"));
        String runId = run.get(0).path("mdc").path("runId").asText();
        assertThat(runId).matches("\\d+");
        assertThat(run).allSatisfy(e -> {
            assertThat(e.path("mdc").path("account").asText()).as(e.toString()).isEqualTo("default");
            assertThat(e.path("mdc").path("scheme").asText()).as(e.toString()).isEqualTo("warehouse");
            assertThat(e.path("mdc").path("runId").asText()).as(e.toString()).isEqualTo(runId);
        });
        // the batch lines come from the aggregator's writer threads
        assertThat(run).filteredOn(e -> e.path("formattedMessage").asText().contains("a batch of"))
                .allMatch(e -> e.path("threadName").asText().contains("writer"));
        assertThat(r.all()).doesNotContain(SECRET);
    }

    @Test
    void should_sync_once_from_the_environment_and_exit_0() throws Exception {
        // a database of its own: on the class's shared one an earlier --once has moved the checkpoint already
        Map<String, String> env = new HashMap<>(env(SECRET));
        TestDatabase own = TestDatabase.create();
        env.put("MYSQL_URL", own.url());
        Result r = run(env, "--once");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out())
                .containsPattern("warehouse: OK pages=\\d+ records=\\d+ inserted=\\d+ updated=\\d+ duplicates=0 rejected=0 seconds=");
        long visible = Arrays.stream(simulator.data().snapshot()).filter(w -> w.visibleByDefault()).count();
        assertThat(r.out()).contains(" records=" + visible + " inserted=" + visible + " ");
        assertThat(own.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible);
        assertThat(r.all()).doesNotContain(SECRET);
    }

    @Test
    void should_exit_1_with_quota_against_the_simulators_daily_limit_and_make_no_call_the_second_time() throws Exception {
        int port = Simulators.freePort();
        ProcessBuilder pb = new ProcessBuilder(Simulators.appCommand("--simulator", "--port", Integer.toString(port), "--records", "300",
                "--quota-per-day", "3"));
        pb.environment().putAll(Simulators.childEnvironment());
        pb.environment().putAll(Map.of("JACKYUN_APPKEY", "4243", "JACKYUN_SECRET", "quota-secret"));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("quota-simulator.log").toFile());
        Process p = pb.start();
        try {
            URI gateway = URI.create("http://127.0.0.1:" + port + "/open/openapi/do");
            var client = new GatewayClient(gateway, "4243", "quota-secret", Clock.systemUTC());
            // the wait for the simulator spends one call of its three: the sync gets two pages, then 额度不足
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":50}") != null);
            Map<String, String> env = new HashMap<>(env(SECRET));
            TestDatabase own = TestDatabase.create();
            env.putAll(Map.of("MYSQL_URL", own.url(), "JACKYUN_GATEWAY", gateway.toString(), "JACKYUN_APPKEY", "4243", "JACKYUN_SECRET",
                    "quota-secret"));

            Result first = run(env, "--once");
            Result second = run(env, "--once");
            Result status = run(env, "--status");

            assertThat(first.exit()).as(first.all()).isEqualTo(1);
            assertThat(first.out()).contains("warehouse: QUOTA ", "calls=3 ", "额度不足");
            assertThat(second.exit()).as(second.all()).isEqualTo(1);
            assertThat(second.out()).contains("warehouse: QUOTA ", "calls=0 ", "the gateway said today that its quota is spent");
            assertThat(own.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
            assertThat(status.out()).containsPattern("default +erp.warehouse.get +today +3 calls; refused by the gateway today");
        } finally {
            p.destroy();
        }
    }

    @Test
    void should_sync_two_accounts_from_the_environment_and_name_a_missing_secret_with_exit_2() throws Exception {
        try (JackyunSimulator second = Simulators.sized("888", "second-secret", 5, 90)) {
            TestDatabase own = TestDatabase.create();
            Map<String, String> env = new HashMap<>(Map.of("MYSQL_URL", own.url(), "MYSQL_USER", own.user(), "MYSQL_PASSWORD",
                    own.password(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100", "JACKYUN_ACCOUNTS", "hq,south-china",
                    "JACKYUN_ACCOUNT_HQ_APPKEY", "777", "JACKYUN_ACCOUNT_HQ_SECRET", SECRET, "JACKYUN_ACCOUNT_HQ_GATEWAY",
                    simulator.url().toString()));
            env.put("JACKYUN_ACCOUNT_SOUTH_CHINA_APPKEY", "888");
            env.put("JACKYUN_ACCOUNT_SOUTH_CHINA_GATEWAY", second.url().toString());

            Result missing = run(env, "--once");
            assertThat(missing.exit()).as(missing.all()).isEqualTo(2);
            assertThat(missing.err()).contains("jackyun.account.south-china.secret (environment JACKYUN_ACCOUNT_SOUTH_CHINA_SECRET) is"
                    + " required");

            env.put("JACKYUN_ACCOUNT_SOUTH_CHINA_SECRET", "second-secret");
            Result r = run(env, "--once");
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out()).containsPattern("hq/warehouse: OK pages=\\d+ records=\\d+ ")
                    .containsPattern("south-china/warehouse: OK pages=\\d+ records=\\d+ ");
            long hq = Arrays.stream(simulator.data().snapshot()).filter(w -> w.visibleByDefault()).count();
            long south = Arrays.stream(second.data().snapshot()).filter(w -> w.visibleByDefault()).count();
            assertThat(own.count("SELECT COUNT(*) FROM warehouse WHERE account = 'hq'")).isEqualTo(hq);
            assertThat(own.count("SELECT COUNT(*) FROM warehouse WHERE account = 'south-china'")).isEqualTo(south);
            assertThat(r.all()).doesNotContain(SECRET, "second-secret");
        }
    }

    record Synced(Map<String, String> env, TestDatabase db) {
    }

    /** A database of the test's own (its rows are changed by hand), filled by a first --once. */
    private Synced syncedIntoADatabaseOfItsOwn() throws Exception {
        Map<String, String> env = new HashMap<>(env(SECRET));
        TestDatabase own = TestDatabase.create();
        env.put("MYSQL_URL", own.url());
        Result first = run(env, "--once");
        assertThat(first.exit()).as(first.all()).isZero();
        return new Synced(env, own);
    }

    @Test
    void should_reconcile_with_exit_0_only_when_clean_and_repair() throws Exception {
        Synced synced = syncedIntoADatabaseOfItsOwn();
        Map<String, String> env = synced.env();
        TestDatabase own = synced.db();
        Result clean = run(env, "--reconcile");
        assertThat(clean.exit()).as(clean.all()).isZero();
        assertThat(clean.out()).containsPattern("warehouse +CLEAN +\\d+ +\\d+ +0 +0 +0 +-");

        own.execute("DELETE FROM warehouse ORDER BY id LIMIT 2");
        Result different = run(env, "--reconcile");
        assertThat(different.exit()).as(different.all()).isEqualTo(1);
        assertThat(different.out()).containsPattern("warehouse +DIFFERENT +\\d+ +\\d+ +2 +0 +0 +- +- +- +missing ");

        Result repaired = run(env, "--reconcile", "--repair");
        assertThat(repaired.exit()).as(repaired.all()).isZero();
        assertThat(repaired.out()).containsPattern("warehouse +REPAIRED .* 2 +- +missing ");
        assertThat(run(env, "--reconcile").exit()).isZero();
        assertThat(run(env, "--repair").exit()).isEqualTo(2);
        assertThat(clean.all() + different.all() + repaired.all()).doesNotContain(SECRET);
    }

    @Test
    void should_exit_1_when_a_repair_refuses_to_delete_most_of_the_table_and_delete_only_with_force() throws Exception {
        Synced synced = syncedIntoADatabaseOfItsOwn();
        TestDatabase own = synced.db();
        long rows = own.count("SELECT COUNT(*) FROM warehouse");
        try (TruncatingGateway gateway = TruncatingGateway.inFrontOf(simulator.url()).keep(60)) {
            Map<String, String> env = new HashMap<>(synced.env());
            env.put("JACKYUN_GATEWAY", gateway.url().toString());
            env.put("SYNC_WAREHOUSE_RECONCILE_EXTRAS", "delete");

            Result refused = run(env, "--reconcile", "--repair");

            assertThat(refused.exit()).as(refused.all()).isEqualTo(1);
            assertThat(refused.out()).containsPattern("warehouse +REFUSED ")
                    .contains("would delete " + (rows - 60) + " of " + rows + " rows", "nothing was deleted", "--force");
            assertThat(own.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(rows);

            Result forced = run(env, "--reconcile", "--repair", "--force");

            assertThat(forced.exit()).as(forced.all()).isZero();
            assertThat(forced.out()).containsPattern("warehouse +REPAIRED ").contains("forced: would delete " + (rows - 60));
            assertThat(own.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(60);
        }
        Result usage = run(Map.of(), "--once", "--force");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--force goes with --reconcile");
    }

    @Test
    void should_refuse_to_touch_a_scheme_another_process_is_writing_and_say_so() throws Exception {
        Synced synced = syncedIntoADatabaseOfItsOwn();
        Map<String, String> env = synced.env();
        TestDatabase own = synced.db();
        String name = TestDatabase.schemeLockName("warehouse");
        try (Connection other = DriverManager.getConnection(own.url(), own.user(), own.password());
                Statement lock = other.createStatement()) {
            lock.execute("SELECT GET_LOCK(" + name + ", 0)");

            Result once = run(env, "--once");
            Result repair = run(env, "--reconcile", "--repair");

            assertThat(once.exit()).as(once.all()).isEqualTo(1);
            assertThat(once.out()).contains("warehouse: FAILED")
                    .contains("the scheme warehouse is busy: another run, replay or reconciliation of it holds its lock");
            assertThat(repair.exit()).as(repair.all()).isEqualTo(1);
            assertThat(repair.err()).contains("jackyun-sync failed: the scheme warehouse is busy");
            assertThat(own.count("SELECT COUNT(*) FROM sync_run")).isEqualTo(1);
            assertThat(own.count("SELECT COUNT(*) FROM sync_reconcile")).isZero();
        }
        assertThat(run(env, "--reconcile").exit()).isZero();
    }

    @Test
    void should_log_a_full_run_at_debug_without_the_secret_the_signature_or_the_token() throws Exception {
        Map<String, String> env = new HashMap<>(env(SECRET));
        env.put("JACKYUN_SYNC_LOG_LEVEL", "DEBUG");
        env.put("JACKYUN_TOKEN", "isv-token-never-shown");

        Result r = run(env, "--once");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("erp.warehouse.get page 0:", "answered in", "contextId");
        // every line starts with the date and its offset; the run's lines name its account, scheme and id
        assertThat(r.err().lines().filter(l -> !l.startsWith("\t") && !l.startsWith("Caused by") && !l.startsWith("\tat")))
                .isNotEmpty().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) .*"));
        assertThat(r.err())
                .containsPattern(
                        "DEBUG \\[[^]]*writer[^]]*] \\S+ account=default scheme=warehouse runId=\\d+ - warehouse run #\\d+: a batch of")
                .containsPattern("INFO  \\[main] \\S+ account=default scheme=warehouse runId=\\d+ - Run #\\d+ of warehouse started");
        assertThat(r.all()).doesNotContain(SECRET).doesNotContain("isv-token-never-shown")
                .doesNotContainPattern("(?<![0-9a-f-])[0-9a-f]{32}(?![0-9a-f-])");
    }

    @Test
    void should_log_progress_every_few_seconds_without_a_terminal() throws Exception {
        simulator.faults(SimulatorFaults.parse("latencyMs=500"));
        Map<String, String> env = new HashMap<>(env(SECRET));
        env.put("SYNC_PROGRESS_SECONDS", "1");
        // a database of its own: a first run pages the whole window (5 slow calls), whatever ran before
        env.put("MYSQL_URL", TestDatabase.create().url());
        try {
            Result r = run(env, "--once");

            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.err()).containsPattern("progress: warehouse: \\d+ pages, \\d+ records, \\d+ records/s, \\d+ s");
        } finally {
            simulator.faults(SimulatorFaults.NONE);
        }
    }

    @Test
    void should_stop_with_the_signature_error_on_a_wrong_secret_without_showing_it() throws Exception {
        long started = System.nanoTime();
        String wrong = "Wr0ng-secret-also-hidden";

        Result r = run(env(wrong), "--once");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("warehouse: FAILED", "0858030801", "signature");
        assertThat(r.all()).doesNotContain(wrong).doesNotContain(SECRET);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
    }
}
