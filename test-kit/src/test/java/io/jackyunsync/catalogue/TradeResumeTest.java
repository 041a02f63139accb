package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimTrade;
import io.jackyunsync.support.OutageGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A first load of 200 days of orders that stops half way (the gateway goes away) keeps every slice it committed:
 * the checkpoint is at the end of the last whole slice, and the next run goes on from there instead of from the start.
 */
class TradeResumeTest extends SyncMainTestSupport {

    static final Duration SLICE = Duration.ofDays(7);

    private final Instant initialStart = Instant.now().minus(Duration.ofDays(201)).truncatedTo(ChronoUnit.SECONDS);
    private OutageGateway outage;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return new TradeSchemeTest().startSimulator();
    }

    /** The gateway passes 13 calls: six slices of two reads of one page each, then the first call of the seventh. */
    @Override
    protected URI gateway() throws Exception {
        outage = OutageGateway.after(simulator.url(), 13);
        return outage.url();
    }

    @Override
    protected void settings(Map<String, String> settings) {
        settings.put("sync.trade.enabled", "true");
        settings.put("sync.trade.initial-start", BeijingTime.format(initialStart));
    }

    @AfterEach
    void closeOutage() {
        outage.close();
    }

    @Test
    void should_resume_a_first_load_at_the_end_of_the_last_committed_slice() throws Exception {
        SyncRun first = app.run("trade");

        assertThat(first.isSucceeded()).as(first.summary()).isFalse();
        Instant checkpoint = BeijingTime.parse(String.valueOf(db.rows("SELECT DATE_FORMAT(checkpoint, '%Y-%m-%d %H:%i:%s') AS c"
                + " FROM sync_checkpoint WHERE scheme = 'trade'").get(0).get("c")));
        // slice k ends at start + k * (7 days - 1 s) + 7 days: adjacent slices overlap by their boundary second
        Duration step = SLICE.minusSeconds(1);
        long slices = Duration.between(initialStart, checkpoint).minus(SLICE).dividedBy(step) + 1;
        assertThat(initialStart.plus(step.multipliedBy(slices - 1)).plus(SLICE)).as("the checkpoint is a slice's end")
                .isEqualTo(checkpoint);
        assertThat(slices).isBetween(1L, 6L);
        List<SimTrade> trades = simulator.trades().trades();
        long committed = trades.stream().filter(t -> t.gmtModified() < checkpoint.toEpochMilli()).count();
        assertThat(committed).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE gmt_modified < '" + BeijingTime.format(checkpoint) + "'"))
                .isEqualTo(committed);

        outage.restore();
        SyncRun second = app.run("trade");

        assertThat(second.isSucceeded()).as(second.summary()).isTrue();
        assertThat(BeijingTime.parse(second.getWindowStart())).isEqualTo(checkpoint.minus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(db.count("SELECT COUNT(*) FROM trade")).isEqualTo(trades.size());
        assertThat(second.getReads()).isLessThan(TradeSchemeTest.READS);
    }
}
