package io.jackyunsync.app;

import io.jackyunsync.config.JackyunSettings;
import io.jackyunsync.jackyun.JackyunClient;
import io.jackyunsync.jackyun.Pacer;
import java.time.Clock;
import org.apache.camel.spi.Registry;

/** The gateway client and the pacer that keeps all schemes together under the rate limit. */
final class JackyunWiring {

    private JackyunWiring() {
    }

    static JackyunClient bind(Registry registry, JackyunSettings jackyun) {
        Pacer pacer = new Pacer(jackyun.rateLimit());
        JackyunClient client = new JackyunClient(jackyun.gateway(), jackyun.appkey(), jackyun.secret(), jackyun.token(),
                jackyun.readTimeout(), Clock.systemUTC(), pacer)
                .limits(jackyun.callDeadline(), jackyun.maxBodyBytes());
        registry.bind("jackyunClient", JackyunClient.class, client, null, "close");
        return client;
    }
}
