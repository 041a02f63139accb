package io.jackyunsync.support;

import io.jackyunsync.demo.FreePorts;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.simulator.TradeDataSet;
import io.jackyunsync.simulator.WarehouseDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: a simulator with a given number of visible warehouses, and the command line of a child JVM. */
public final class Simulators {

    public static final String APPKEY = "20240001";
    public static final String SECRET = "e2e-secret";

    private Simulators() {
    }

    /** A started simulator whose gateway shows exactly {@code visible} warehouses (plus hidden ones), with faults. */
    public static JackyunSimulator start(long seed, int visible, String faults) throws Exception {
        return new JackyunSimulator(APPKEY, SECRET,
                new WarehouseDataSet(seed, WarehouseDataSet.sizeWithVisible(visible), Clock.systemUTC()), Clock.systemUTC())
                .faults(SimulatorFaults.parse(faults)).start(0);
    }

    /** Switches the trade scheme on, its first load starting {@code daysBack} days before now. */
    public static void tradeScheme(Map<String, String> settings, int daysBack) {
        settings.put("sync.trade.enabled", "true");
        settings.put("sync.trade.initial-start", BeijingTime.format(
                Instant.now().minus(Duration.ofDays(daysBack))));
    }

    /** A started simulator of {@code orders} sales orders over the {@code days} before now (and 10 warehouses), for the test app key. */
    public static JackyunSimulator trades(long seed, int orders, int days) throws Exception {
        Clock clock = Clock.systemUTC();
        return new JackyunSimulator(APPKEY, SECRET, new WarehouseDataSet(seed, 10, clock), clock)
                .withTrades(new TradeDataSet(seed, orders, days, clock)).start(0);
    }

    /** A started simulator of exactly {@code size} warehouses (visible or not), for the test app key. */
    public static JackyunSimulator sized(long seed, int size) throws Exception {
        return sized(APPKEY, SECRET, seed, size);
    }

    /** The same for another app key and secret. */
    public static JackyunSimulator sized(String appkey, String secret, long seed, int size) throws Exception {
        return new JackyunSimulator(appkey, secret, new WarehouseDataSet(seed, size, Clock.systemUTC()), Clock.systemUTC()).start(0);
    }

    /**
     * The service in a child JVM ({@link #appCommand} without arguments) with {@code env}, its output in
     * target/&lt;logDir&gt;/&lt;name&gt;.log (the clustered tests' instances).
     */
    public static Process startService(Map<String, String> env, String logDir, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", logDir));
        ProcessBuilder pb = new ProcessBuilder(appCommand());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** {@code java -cp <the test class path> io.jackyunsync.kit.KitApplication args...}; give it SERVER_PORT=0 (see {@link #childEnvironment}). */
    public static List<String> appCommand(String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // short-lived test processes on 2 cores: the C1 compiler alone and the serial collector start them in
                // less CPU (the JIT's C2 threads and G1's would compete with the other test fork)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, "io.jackyunsync.kit.KitApplication"));
        command.addAll(List.of(args));
        return command;
    }

    /** A port nothing listens on right now, from this test fork's own range (FreePorts). */
    public static int freePort() throws IOException {
        return FreePorts.next();
    }

    /** Settings every child app gets: any free port for health and metrics, so that tests never collide on 8080. */
    public static Map<String, String> childEnvironment() {
        return Map.of("SERVER_PORT", "0", "CONSOLE_PORT", "0");
    }
}
