package io.jackyunsync.demo;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.TradeDataSet;
import io.jackyunsync.simulator.WarehouseDataSet;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --demo}: embedded MariaDB and the simulator with 5,000 warehouses and 2,000 sales orders (modified over 200 days,
 * so the older ones are served only from the archive table), one run of the warehouse and the trade scheme, then what
 * landed; leaves nothing running.
 */
public final class Demo {

    static final int WAREHOUSES = 5000;
    /** The demo's orders (public for the command line test, which rebuilds the same data set to know its lines). */
    public static final long SEED = 42;
    public static final int TRADES = 2000;
    public static final int TRADE_DAYS = 200;

    private Demo() {
    }

    public static int run() throws Exception {
        System.out.println("Starting an embedded MariaDB (the first start unpacks it, about 10 s) and the Jackyun simulator ...");
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start();
                JackyunSimulator simulator = new JackyunSimulator("10000001", "demo-secret",
                        new WarehouseDataSet(42, WAREHOUSES, clock), clock)
                        .withTrades(new TradeDataSet(SEED, TRADES, TRADE_DAYS, clock)).start(0)) {
            String url = db.createDatabase("jackyun_demo");
            Map<String, String> overrides = new HashMap<>(SyncApp.ONE_SHOT);
            overrides.putAll(Map.of(
                    "jackyun.rate-limit-per-second", "50",
                    "jackyun.gateway", simulator.url().toString(),
                    "jackyun.appkey", "10000001",
                    "jackyun.secret", "demo-secret",
                    "mysql.url", url,
                    "mysql.user", "root",
                    "sync.schedule.enabled", "false",
                    // the orders: from one day before the first one, in 7-day slices, each in the current and the archive table
                    "sync.trade.enabled", "true",
                    "sync.trade.initial-start", BeijingTime.format(now.minus(Duration.ofDays(TRADE_DAYS + 1)))));
            List<SyncRun> runs;
            try (SyncApp app = SyncApp.start(overrides)) {
                runs = app.runAll();
            }
            System.out.println();
            runs.forEach(r -> System.out.println(r.summary()));
            printRows(url, runs.stream().filter(r -> "trade".equals(r.getScheme())).findFirst().orElse(null), now);
            return runs.stream().allMatch(SyncRun::isSucceeded) ? 0 : 1;
        }
    }

    /** The first rows as a table of rows only, then how many landed as a sentence of its own. */
    private static void printRows(String url, SyncRun trade, Instant now) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url, "root", "");
                Statement s = c.createStatement()) {
            System.out.println();
            System.out.printf("%-20s %-10s %-6s %-20s %s%n", "id", "code", "type", "create_time", "warehouse_name");
            try (ResultSet rs = s.executeQuery(DemoSql.read("demo-rows.sql"))) {
                while (rs.next()) {
                    System.out.printf("%-20s %-10s %-6s %-20s %s%n", rs.getString("id"), rs.getString("warehouse_code"),
                            rs.getString("warehouse_type"), rs.getString("create_time"), rs.getString("warehouse_name"));
                }
            }
            try (ResultSet rs = s.executeQuery(DemoSql.read("demo-count.sql"))) {
                rs.next();
                System.out.println();
                System.out.println(rs.getLong("landed") + " rows in warehouse (last update " + rs.getString("last_update") + ") of "
                        + WAREHOUSES + " warehouses served; the simulator leaves out disabled and deleted ones, as the gateway does");
            }
            DemoTrades.print(c, trade, now);
        }
    }
}
