package io.jackyunsync.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jackyunsync.run.Failures;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.run.SyncService;
import io.jackyunsync.scheme.RowAccount;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of a replay of dead letters that routes/replay.camel.yaml calls. */
public final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final SyncService sync;

    public Replayer(SyncService sync) {
        this.sync = sync;
    }

    public ReplayResult start() {
        return new ReplayResult();
    }

    /** A run context for writing a dead letter's rows with its scheme's statements (no window, no checkpoint). */
    public SyncRun runFor(@Body Map<String, Object> letter) {
        return sync.plan((String) letter.get("scheme"), (String) letter.get("account"), null);
    }

    /** The letter's rows, each of the letter's account (a letter kept before accounts existed has rows without it). */
    public List<Map<String, Object>> rows(@Body Map<String, Object> letter) throws JsonProcessingException {
        List<Map<String, Object>> rows = DeadLetters.readRows((String) letter.get("payload"));
        rows.forEach(row -> RowAccount.stamp(row, letter.get("account")));
        return rows;
    }

    /** Counts the letters found superseded: a later successful run of their scheme wrote their records as they are now. */
    public void superseded(@ExchangeProperty("replay") ReplayResult replay, @Header("CamelSqlUpdateCount") Integer letters) {
        replay.superseded(letters == null ? 0 : letters);
    }

    public void done(@ExchangeProperty("replay") ReplayResult replay) {
        replay.done(1);
    }

    /** Counts a dead letter that failed again and returns why, for the table. */
    public String failed(@ExchangeProperty("replay") ReplayResult replay, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        replay.failedAgain(1);
        return Failures.describe(cause);
    }

    /** The page letters of a run that could not start: failed again. */
    public void pagesNotRun(@ExchangeProperty("replay") ReplayResult replay, @Header("CamelSqlUpdateCount") Integer letters,
            @ExchangeProperty("scheme") String scheme, @Header("account") String account,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        replay.failedAgain(letters == null ? 0 : letters);
        LOG.warn("{} page letters of {} for account {} failed again: its run could not start ({})", letters, scheme, account,
                Failures.describe(cause));
    }

    public void pagesReplayed(@ExchangeProperty("replay") ReplayResult replay, @Body SyncRun run,
            @Header("CamelSqlUpdateCount") Integer letters) {
        int n = letters == null ? 0 : letters;
        if (run.isSucceeded()) {
            replay.done(n);
        } else {
            replay.failedAgain(n);
        }
    }
}
