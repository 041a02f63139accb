package io.jackyunsync.support;

import io.jackyunsync.simulator.JackyunSimulator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The settings every in-process test app gets: the test's database and gateway, no schedule, any free port, short retry delays. */
public final class AppOverrides {

    private AppOverrides() {
    }

    /** Against the simulator; the map is the caller's to change. */
    public static Map<String, String> of(TestDatabase db, JackyunSimulator simulator) {
        return of(db, simulator.url());
    }

    /** The same against any gateway (a hostile stub, say). */
    public static Map<String, String> of(TestDatabase db, URI gateway) {
        Map<String, String> o = new HashMap<>();
        o.put("jackyun.gateway", gateway.toString());
        o.put("jackyun.appkey", Simulators.APPKEY);
        o.put("jackyun.secret", Simulators.SECRET);
        o.put("mysql.url", db.url());
        o.put("mysql.user", db.user());
        // an empty value would read as "not set"
        o.put("mysql.password", db.password().isEmpty() ? " " : db.password());
        o.put("sync.schedule.enabled", "false");
        o.put("jackyun.rate-limit-per-second", "1000");
        o.put("server.port", "0");
        o.put("console.port", "0");
        o.put("jackyun.retry.initial-delay-millis", "20");
        o.put("sync.write.retry.initial-delay-millis", "20");
        return o;
    }
}
