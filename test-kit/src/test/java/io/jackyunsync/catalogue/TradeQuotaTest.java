package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.SyncMainTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first load of 200 days of orders that meets its daily budget half way ends QUOTA and keeps every slice it
 * committed: the checkpoint is at the end of the last whole slice; a second run the same day makes no call.
 */
class TradeQuotaTest extends SyncMainTestSupport {

    private static final String METHOD = "oms.trade.fullinfoget";
    private final Instant initialStart = Instant.now().minus(Duration.ofDays(201)).truncatedTo(ChronoUnit.SECONDS);

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return new TradeSchemeTest().startSimulator();
    }

    @Override
    protected void settings(Map<String, String> settings) {
        settings.put("sync.trade.enabled", "true");
        settings.put("sync.trade.initial-start", BeijingTime.format(initialStart));
        // six slices of two reads of one page each, then the first call of the seventh
        settings.put("sync.trade.quota-per-day", "13");
    }

    @Test
    void should_end_quota_at_the_budget_with_the_checkpoint_at_the_last_committed_slice() throws Exception {
        SyncRun first = app.run("trade");

        assertThat(first.getStatus()).as(first.summary()).isEqualTo("QUOTA");
        assertThat(first.getError()).contains(METHOD, "13 calls spent of the 13 allowed today", "sync.trade.quota-per-day");
        assertThat(simulator.calls(METHOD)).isEqualTo(13);
        Instant checkpoint = BeijingTime.parse(String.valueOf(db.rows("SELECT DATE_FORMAT(checkpoint, '%Y-%m-%d %H:%i:%s') AS c"
                + " FROM sync_checkpoint WHERE scheme = 'trade'").get(0).get("c")));
        Duration step = TradeResumeTest.SLICE.minusSeconds(1);
        long slices = Duration.between(initialStart, checkpoint).minus(TradeResumeTest.SLICE).dividedBy(step) + 1;
        assertThat(initialStart.plus(step.multipliedBy(slices - 1)).plus(TradeResumeTest.SLICE)).as("the checkpoint is a slice's end")
                .isEqualTo(checkpoint);
        // the reads begun, the last cut short by the budget: every slice whose two reads both ended is committed
        assertThat(slices).as(first.summary()).isPositive().isEqualTo((first.getReads() - 1) / 2);
        long committed = simulator.trades().trades().stream().filter(t -> t.gmtModified() < checkpoint.toEpochMilli()).count();
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE gmt_modified < '" + BeijingTime.format(checkpoint) + "'"))
                .isEqualTo(committed);

        SyncRun second = app.run("trade");

        assertThat(second.getStatus()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).as("no call past the budget the same day").isEqualTo(13);
        assertThat(db.count("SELECT checkpoint = '" + BeijingTime.format(checkpoint) + "' FROM sync_checkpoint WHERE scheme = 'trade'"))
                .as("the checkpoint stays").isEqualTo(1);
    }

    @Test
    void should_resume_a_backfill_its_quota_stopped_from_its_last_slice_read_whole() throws Exception {
        String from = BeijingTime.format(initialStart);
        String to = BeijingTime.format(Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));

        SyncRun first = app.backfill("trade", from, to, true);

        assertThat(first.getStatus()).as(first.summary()).isEqualTo("QUOTA");
        assertThat(simulator.calls(METHOD)).isEqualTo(13);
        // where it stopped: past a slice or more read whole, every order modified before it written
        String stopped = resumeFrom(first);
        assertThat(BeijingTime.parse(stopped)).isAfter(initialStart.plus(TradeResumeTest.SLICE.minusSeconds(2)))
                .isBefore(BeijingTime.parse(to));
        long written = db.count("SELECT COUNT(*) FROM trade");
        assertThat(db.count("SELECT COUNT(*) FROM trade WHERE gmt_modified < '" + stopped + "'")).isPositive()
                .isEqualTo(simulator.trades().trades().stream().filter(t -> t.gmtModified() < BeijingTime.parse(stopped).toEpochMilli())
                        .count());

        // the next Beijing day, as far as the budget knows: the same backfill goes on where it stopped
        db.execute("UPDATE sync_call SET calls = 0, refused = NULL");
        SyncRun second = app.backfill("trade", from, to, true);

        assertThat(second.getStatus()).as(second.summary()).isEqualTo("QUOTA");
        assertThat(second.getWindowStart()).isEqualTo(BeijingTime.format(BeijingTime.parse(stopped).minusSeconds(1)));
        assertThat(second.getWindowEnd()).isEqualTo(to);
        assertThat(simulator.calls(METHOD)).isEqualTo(26);
        assertThat(BeijingTime.parse(resumeFrom(second))).isAfter(BeijingTime.parse(stopped));
        assertThat(db.count("SELECT COUNT(*) FROM trade")).isGreaterThan(written);
        // a backfill moves no checkpoint
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();

        // another window is another backfill: from its own start
        db.execute("UPDATE sync_call SET calls = 0, refused = NULL");
        SyncRun other = app.backfill("trade", from, BeijingTime.format(BeijingTime.parse(to).minusSeconds(60)), true);
        assertThat(other.getWindowStart()).isEqualTo(from);
    }

    private String resumeFrom(SyncRun run) throws Exception {
        return String.valueOf(db.rows("SELECT DATE_FORMAT(resume_from, '%Y-%m-%d %H:%i:%s') AS r FROM sync_run WHERE id = "
                + run.getId()).get(0).get("r"));
    }
}
