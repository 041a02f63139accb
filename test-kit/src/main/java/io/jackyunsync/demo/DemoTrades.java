package io.jackyunsync.demo;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.TradeDataSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;

/**
 * The order part of {@code --demo}'s output: the first orders and the first deleted one with their lines, then what
 * landed in trade / trade_goods.
 */
final class DemoTrades {

    private DemoTrades() {
    }

    /** The 4 oldest orders (by gmt_modified) and the oldest deleted one, each followed by its lines, then one sentence of counts. */
    static void print(Connection c, SyncRun run, Instant now) throws SQLException, IOException {
        System.out.println();
        System.out.printf("%-22s %-6s %-16s %12s  %-7s  %s%n", "trade_no", "status", "shop", "check_total", "deleted", "gmt_modified");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DemoSql.read("demo-trade-rows.sql"))) {
            String order = null;
            while (rs.next()) {
                String id = rs.getString("trade_id");
                if (!Objects.equals(id, order)) {
                    order = id;
                    System.out.printf("%-22s %-6s %-16s %12s  %-7s  %s%n", rs.getString("trade_no"), rs.getString("trade_status"),
                            cut(rs.getString("shop_name"), 16), rs.getString("check_total"), deleted(rs.getInt("is_delete")),
                            rs.getString("gmt_modified"));
                }
                if (rs.getString("sub_trade_id") != null) {
                    System.out.printf("    %-20s %s x %s = %s%s%n", rs.getString("goods_no"), plain(rs.getBigDecimal("sell_count")),
                            plain(rs.getBigDecimal("sell_price")), rs.getString("sell_total"),
                            rs.getInt("line_is_delete") == 1 ? "  (deleted with its order)" : "");
                }
            }
        }
        // archived: modified more than 90 days before now (Beijing time, as gmt_modified is stored), the simulator's rule
        String archiveBefore = BeijingTime.format(now.minusMillis(TradeDataSet.ARCHIVE_AFTER_MILLIS));
        try (PreparedStatement ps = c.prepareStatement(DemoSql.read("demo-trade-count.sql"))) {
            ps.setString(1, archiveBefore);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.println();
                System.out.println(rs.getLong("orders") + " orders and " + rs.getLong("order_lines")
                        + " lines landed in trade / trade_goods; " + rs.getLong("archived")
                        + " of the orders came from the archive table (isTableSwitch=2: gmt_modified before " + archiveBefore
                        + ", counted in MySQL); " + rs.getLong("deleted") + " are deleted in Jackyun (is_delete=1, their lines too)"
                        + "; the run took " + (run == null ? "?" : run.getReads()) + " reads ("
                        + (run == null ? "?" : run.getRereads()) + " rereads) for "
                        + (run == null ? "?" : run.getRecordsExpected()) + " orders expected by the totals");
            }
        }
    }

    /** At most {@code max} code points, the rest as "…" (a shop name can be long; the table stays compact). */
    private static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String deleted(int isDelete) {
        return isDelete == 1 ? "yes" : "no";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }
}
