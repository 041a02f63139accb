package io.jackyunsync.simulator;

import io.jackyunsync.cli.CommandLine;

import java.time.Clock;
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
        String appkey = System.getenv("JACKYUN_APPKEY");
        String secret = System.getenv("JACKYUN_SECRET");
        if (appkey == null || appkey.isBlank() || secret == null || secret.isBlank()) {
            System.err.println("--simulator needs JACKYUN_APPKEY and JACKYUN_SECRET: the app key and secret it will accept");
            return 2;
        }
        SimulatorFaults faults;
        try {
            faults = SimulatorFaults.parse(cli.faults());
        } catch (IllegalArgumentException e) {
            System.err.println("--faults: " + e.getMessage());
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
