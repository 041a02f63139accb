package io.jackyunsync;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The set-up of the tests that put a hostile gateway between the app and the simulator: a database, both, the app. */
abstract class HostileGatewayFixture {

    TestDatabase db;
    JackyunSimulator simulator;
    HostileGateway gateway;
    SyncApp app;

    /** How many visible warehouses the simulator serves. */
    abstract int visible();

    @BeforeEach
    void startGateway() throws Exception {
        db = TestDatabase.create();
        simulator = Simulators.start(77, visible(), "");
        gateway = new HostileGateway(simulator.url());
    }

    @AfterEach
    void stopGateway() {
        if (app != null) {
            app.close();
        }
        gateway.close();
        simulator.close();
    }

    /** The test settings with the gateway in front and a settle timeout of a minute, then {@code kv} (key, value, ...). */
    Map<String, String> settings(String... kv) {
        Map<String, String> overrides = new HashMap<>(AppOverrides.of(db, simulator));
        overrides.put("jackyun.gateway", gateway.url().toString());
        overrides.put("sync.settle-timeout-seconds", "60"); // a run stalled on its batches fails the test within a minute
        for (int i = 0; i < kv.length; i += 2) {
            overrides.put(kv[i], kv[i + 1]);
        }
        return overrides;
    }

    /** A page of the warehouse method (not the probe's one-record question). */
    static boolean page(HostileGateway.Call call, int index) {
        return "erp.warehouse.get".equals(call.method()) && call.pageIndex() == index && call.pageSize() > 1;
    }
}
