package io.jackyunsync.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pacer's share of the app key's rate when instances share it. */
class PacerShareTest {

    @Test
    void should_space_calls_by_the_number_of_instances_sharing_the_rate() {
        Pacer pacer = new Pacer(10);
        assertThat(pacer.intervalNanos()).isEqualTo(100_000_000L);
        pacer.share(3);
        assertThat(pacer.intervalNanos()).isEqualTo(300_000_000L);
        pacer.throttled(null); // a refusal still slows this share down
        assertThat(pacer.intervalNanos()).isEqualTo(600_000_000L);
        pacer.share(1);
        assertThat(pacer.intervalNanos()).isEqualTo(100_000_000L + 300_000_000L);
        for (int i = 0; i < 200; i++) {
            pacer.succeeded();
        }
        assertThat(pacer.intervalNanos()).isEqualTo(100_000_000L);
        pacer.share(0);
        assertThat(pacer.share()).isEqualTo(1);
        assertThat(Duration.ofNanos(pacer.intervalNanos())).isEqualTo(Duration.ofMillis(100));
    }
}
