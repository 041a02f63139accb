package io.jackyunsync.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks that a call's deadline is gone once the call has ended in time (no timers pile up on a long run). */
class JackyunClientTest {

    @Test
    void should_drop_the_deadline_of_every_call_that_ended_in_time() throws Exception {
        try (JackyunSimulator simulator = Simulators.sized(1, 10);
             JackyunClient client = new JackyunClient(simulator.url(), Simulators.APPKEY, Simulators.SECRET, "",
                     Duration.ofSeconds(10), Clock.systemUTC(), new Pacer(1_000_000)).limits(Duration.ofMinutes(3), 1 << 20)) {
            for (int i = 0; i < 300; i++) {
                client.call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":5}");
            }
            assertThat(JackyunClient.pendingDeadlines()).isLessThan(5);
        }
    }
}
