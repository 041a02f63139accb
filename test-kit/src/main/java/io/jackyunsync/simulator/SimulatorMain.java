package io.jackyunsync.simulator;

import io.jackyunsync.cli.CommandLine;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --simulator}: serves the simulated gateway until the process is stopped; {@code --records} warehouses,
 * {@code --goods} SKUs, {@code --stock} stock rows and {@code --trades} sales orders, all from {@code --seed}.
 */
public final class SimulatorMain {

    /** The sales orders' modified times spread over this many days before the start (some in the archive table). */
    static final int TRADE_SPAN_DAYS = 200;

    private SimulatorMain() {
    }

    public static int run(CommandLine cli) throws Exception {
        if (cli.simulatorAccounts() != null) {
            return accounts(cli, System.getenv());
        }
        String appkey = System.getenv("JACKYUN_APPKEY");
        String secret = System.getenv("JACKYUN_SECRET");
        if (appkey == null || appkey.isBlank() || secret == null || secret.isBlank()) {
            System.err.println("--simulator needs JACKYUN_APPKEY and JACKYUN_SECRET: the app key and secret it will accept");
            return 2;
        }
        SimulatorFaults faults = faults(cli);
        if (faults == null) {
            return 2;
        }
        WarehouseDataSet data = new WarehouseDataSet(cli.seed(), cli.records(), Clock.systemUTC());
        Clock clock = Clock.systemUTC();
        JackyunSimulator simulator = new JackyunSimulator(appkey, secret, data, clock)
                .withGoods(new GoodsDataSet(cli.seed(), cli.goods(), clock))
                .withStock(new StockDataSet(cli.seed(), cli.stock(), clock))
                .withTrades(new TradeDataSet(cli.seed(), cli.trades(), TRADE_SPAN_DAYS, clock))
                .faults(faults).quotaPerDay(cli.quotaPerDay(), cli.quotaSubCode()).refuseAll(cli.refuseSubCode())
                .start(cli.host(), cli.port());
        System.out.println("Jackyun simulator: " + data.size() + " warehouses, " + simulator.goods().size() + " SKUs, "
                + simulator.stock().size() + " stock rows, " + simulator.trades().size() + " sales orders (seed " + cli.seed()
                + ") at " + simulator.url());
        return serveUntilStopped(simulator);
    }

    /**
     * {@code --accounts NAME:WAREHOUSES,...}: one gateway for several accounts, each with the app key and secret of
     * JACKYUN_ACCOUNT_&lt;NAME&gt;_APPKEY / _SECRET (the variables the app reads), its own warehouses and quotas; the
     * other data sets and the faults as the options say, all from the same seed (the same ids in every account).
     */
    static int accounts(CommandLine cli, Map<String, String> env) throws Exception {
        SimulatorFaults faults = faults(cli);
        if (faults == null) {
            return 2;
        }
        Clock clock = Clock.systemUTC();
        Map<String, JackyunSimulator> byAppkey = new LinkedHashMap<>();
        StringBuilder served = new StringBuilder();
        for (String account : cli.simulatorAccounts().split(",")) {
            String name = account.substring(0, account.indexOf(':'));
            int records = Integer.parseInt(account.substring(account.indexOf(':') + 1));
            String prefix = "JACKYUN_ACCOUNT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
            String appkey = env.get(prefix + "APPKEY");
            String secret = env.get(prefix + "SECRET");
            if (appkey == null || appkey.isBlank() || secret == null || secret.isBlank()) {
                System.err.println("--accounts " + name + " needs " + prefix + "APPKEY and " + prefix + "SECRET: the app key and"
                        + " secret it will accept");
                return 2;
            }
            if (byAppkey.containsKey(appkey)) {
                System.err.println("--accounts: " + name + " has the app key of another account");
                return 2;
            }
            byAppkey.put(appkey, new JackyunSimulator(appkey, secret, new WarehouseDataSet(cli.seed(), records, clock), clock)
                    .withGoods(new GoodsDataSet(cli.seed(), cli.goods(), clock))
                    .withStock(new StockDataSet(cli.seed(), cli.stock(), clock))
                    .withTrades(new TradeDataSet(cli.seed(), cli.trades(), TRADE_SPAN_DAYS, clock))
                    .faults(faults).quotaPerDay(cli.quotaPerDay(), cli.quotaSubCode()).refuseAll(cli.refuseSubCode()));
            served.append(served.length() == 0 ? "" : ", ").append(name).append(' ').append(records).append(" warehouses");
        }
        AccountsGateway gateway = new AccountsGateway(byAppkey).start(cli.host(), cli.port());
        System.out.println("Jackyun simulator for " + byAppkey.size() + " accounts (" + served + "; seed " + cli.seed() + ") at "
                + gateway.url());
        return serveUntilStopped(gateway);
    }

    /** The --faults of the command line; null (said on stderr) when they do not parse. */
    private static SimulatorFaults faults(CommandLine cli) {
        try {
            return SimulatorFaults.parse(cli.faults());
        } catch (IllegalArgumentException e) {
            System.err.println("--faults: " + e.getMessage());
            return null;
        }
    }

    private static int serveUntilStopped(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
