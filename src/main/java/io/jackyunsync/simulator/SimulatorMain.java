package io.jackyunsync.simulator;

import io.jackyunsync.cli.CommandLine;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code --simulator}: serves the simulated gateway until the process is stopped. */
public final class SimulatorMain {

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
        JackyunSimulator simulator = new JackyunSimulator(appkey, secret, data, Clock.systemUTC()).faults(faults).start(cli.host(), cli.port());
        System.out.println("Jackyun simulator: " + data.size() + " warehouses (seed " + cli.seed() + ") at " + simulator.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
