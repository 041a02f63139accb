package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Checks that every log line of a run, on the run's thread and on the aggregator's writer threads, carries the run's
 * account, scheme and id in its MDC (observe/RunLogContext), and that nothing of it stays on a thread after the run.
 */
class RunLogLinesTest extends SyncMainTestSupport {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger ours;
    private Level level;

    @BeforeEach
    void capture() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        // the page and batch lines are DEBUG; the batch lines are logged on the writer threads
        ours = (Logger) LoggerFactory.getLogger("io.jackyunsync");
        level = ours.getLevel();
        ours.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
        ours.setLevel(level);
    }

    @Test
    void should_put_account_scheme_and_run_id_on_every_line_of_a_run_on_every_thread() throws Exception {
        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        List<ILoggingEvent> ofTheRun = captured.list.stream().filter(e -> e.getLoggerName().startsWith("io.jackyunsync.run.")).toList();
        assertThat(ofTheRun).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Run #" + run.getId() + " of warehouse started"))
                .anyMatch(m -> m.startsWith("erp.warehouse.get page 0"))
                .anyMatch(m -> m.contains("a batch of"))
                .anyMatch(m -> m.startsWith("Run #" + run.getId() + " warehouse: OK"));
        Map<String, String> keys = Map.of("account", "default", "scheme", "warehouse", "runId", Long.toString(run.getId()));
        assertThat(ofTheRun).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).as(e.getThreadName() + ": " + e.getFormattedMessage())
                .containsAllEntriesOf(keys));
        // the batches are written on the aggregator's writer threads, and their lines carry the keys too (checked above)
        assertThat(ofTheRun).filteredOn(e -> e.getFormattedMessage().contains("a batch of"))
                .extracting(ILoggingEvent::getThreadName).isNotEmpty().allMatch(t -> t.contains("writer"));
        // Camel's own MDC keys are there as well (camel.main.use-mdc-logging)
        assertThat(ofTheRun.get(0).getMDCPropertyMap()).containsKey("camel.routeId");
        // the run's keys are gone from the thread that asked for it
        assertThat(MDC.get("scheme")).isNull();
        assertThat(MDC.get("runId")).isNull();
    }

    @Test
    void should_tell_two_runs_apart_by_their_run_id() throws Exception {
        SyncRun first = app.run("warehouse");
        simulator.data().modify(300); // the second run has rows to write
        int before = captured.list.size();
        SyncRun second = app.run("warehouse");

        assertThat(second.getId()).isNotEqualTo(first.getId());
        List<ILoggingEvent> ofTheSecond = captured.list.subList(before, captured.list.size()).stream()
                .filter(e -> e.getLoggerName().startsWith("io.jackyunsync.run.")).toList();
        // the writer threads served the first run too: what they log now is the second's
        assertThat(ofTheSecond).extracting(ILoggingEvent::getThreadName).anyMatch(t -> t.contains("writer"));
        assertThat(ofTheSecond).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).as(e.getThreadName() + ": " + e.getFormattedMessage())
                .containsEntry("runId", Long.toString(second.getId())));
    }
}
