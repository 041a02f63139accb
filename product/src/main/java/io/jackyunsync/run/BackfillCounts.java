package io.jackyunsync.run;

import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.camel.ExchangeProperty;

/**
 * What a backfill found as it was: the rows it wrote whose scheme's {@code target.updateTime} column did not move
 * (stamped only when a mapped value changes) are unchanged. Under the scheme's lock no other run writes the table
 * meanwhile, so the rows stamped since the backfill started are the ones it inserted or changed.
 */
public final class BackfillCounts {

    private final DataSource dataSource;

    public BackfillCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void unchanged(@ExchangeProperty(RunProperties.RUN) SyncRun run) throws SQLException {
        Scheme.Target target = run.compiled().scheme().target();
        if (target.updateTime() == null || run.getId() == null) {
            return;
        }
        // table and column are the scheme file's, checked at start-up as plain names and against the database
        // the stamp is NOW() in whole seconds: from the second the backfill began (a row another run wrote in that very
        // second, before the lock was taken, would count as changed: the figure errs towards changed, never unchanged)
        String sql = "SELECT COUNT(*) FROM `" + target.table() + "` WHERE `account` = ? AND `" + target.updateTime()
                + "` >= (SELECT DATE_FORMAT(started_at, '%Y-%m-%d %H:%i:%s') FROM sync_run WHERE id = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, run.getAccount());
            s.setLong(2, run.getId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long touched = rs.getLong(1);
                long written = run.getCounts().getInserted() + run.getCounts().getUpdated();
                run.backfill.unchanged = Math.max(0, written - touched);
            }
        }
    }
}
