package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.SyncMainTestSupport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Checks that a hostile gateway's msg reaches sync_run.error and the log as one line, cut to its stated length. */
class GatewayMessageTest extends SyncMainTestSupport {

    static final String BREAKS = "[\\p{Cc}\u2028\u2029]";

    private HostileGateway gateway;

    @Override
    protected URI gateway() throws Exception {
        gateway = new HostileGateway(HostileGateway.MSG);
        return gateway.url();
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        super.doPostTearDown();
    }

    @Test
    void should_write_a_forged_multi_line_msg_as_one_cut_line_to_sync_run_and_the_log() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        SyncRun run;
        root.addAppender(log);
        try {
            run = app.run("warehouse");
        } finally {
            root.detachAppender(log);
        }

        assertThat(run.isSucceeded()).isFalse();
        long id = run.getId();
        String error = (String) db.rows("SELECT error FROM sync_run WHERE id = " + id).get(0).get("error");
        assertThat(error).doesNotContainPattern(BREAKS)
                .contains("subCode " + HostileGateway.SUBCODE, "token=tk-leak-4711\\n" + HostileGateway.FORGED_LINE);
        assertThat(error.substring(error.indexOf("): ") + 3)).hasSize(OneLine.GATEWAY_MSG_MAX).endsWith("x…");

        List<String> quoting = log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("forged")).toList();
        assertThat(quoting).as("the run's summary line quotes the msg").anyMatch(m -> m.startsWith("Run #" + id));
        assertThat(quoting)
                .allSatisfy(m -> assertThat(m).doesNotContainPattern(BREAKS).doesNotContain("x".repeat(OneLine.GATEWAY_MSG_MAX)));
    }
}
