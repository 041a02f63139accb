package io.jackyunsync.observe;

import io.jackyunsync.run.CallPlan;
import io.jackyunsync.scheme.Scheme;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/**
 * {@code --status}: the last runs per scheme (of an account other than default: account/scheme) as a table, then each scheme's checkpoint and open dead letters, the calls
 * spent today and this month per account and method against the budget, and each schedule priced in calls.
 */
public final class StatusTable {

    private final List<CallPlan> plans;

    public StatusTable(List<CallPlan> plans) {
        this.plans = List.copyOf(plans);
    }

    private static final String ROW = "%-16s %6s %-9s %-19s  %-19s %6s %8s %8s %8s %5s %8s %5s %8s  %s%n";

    public String format(@Header("runs") List<Map<String, Object>> runs, @Header("checkpoints") List<Map<String, Object>> checkpoints,
            @Header("calls") List<Map<String, Object>> calls, @Header("today") String today) {
        StringBuilder out = new StringBuilder(String.format(ROW, "scheme", "run", "status", "window start", "window end",
                "pages", "records", "inserted", "updated", "dup", "rejected", "dead", "seconds", "error"));
        for (Map<String, Object> r : runs) {
            out.append(String.format(ROW, RunHistory.unit((String) r.get("account"), (String) r.get("scheme")), r.get("id"),
                    r.get("status"), time(r.get("window_start")),
                    time(r.get("window_end")), r.get("pages"), r.get("records_fetched"), r.get("rows_inserted"), r.get("rows_updated"),
                    r.get("duplicates_dropped"), r.get("rows_rejected"), r.get("dead_letters"), seconds(r.get("seconds")),
                    r.get("error") == null ? "" : cut(r.get("error").toString(), 100)));
        }
        if (runs.isEmpty()) {
            out.append("(no run yet)\n");
        }
        for (Map<String, Object> c : checkpoints) {
            out.append(String.format("%s: checkpoint %s, %s dead letters not done%n",
                    RunHistory.unit((String) c.get("account"), (String) c.get("scheme")), time(c.get("checkpoint")),
                    c.get("open_dead_letters")));
        }
        out.append(String.format("calls spent (Beijing day %s), per account and method:%n", today));
        Map<String, Scheme.Quota> budgets = new HashMap<>();
        plans.forEach(p -> budgets.put(p.method(), p.quota()));
        boolean any = false;
        for (Map<String, Object> c : calls == null ? List.<Map<String, Object>>of() : calls) {
            boolean day = today.equals(c.get("period"));
            Scheme.Quota quota = budgets.getOrDefault(c.get("method"), Scheme.Quota.NONE);
            Integer budget = day ? quota.perDay() : quota.perMonth();
            out.append(String.format("  %-12s %-40s %-10s %8s calls%s%s%n", c.get("account"), c.get("method"), day ? "today" : "this month",
                    c.get("calls"), budget == null ? "" : " of " + budget,
                    c.get("refused") == null
                            ? ""
                            : "; refused by the gateway today: "
                                    + cut(c.get("refused").toString(), 100)));
            any = true;
        }
        if (!any) {
            out.append("  (no call yet)\n");
        }
        for (CallPlan plan : plans) {
            out.append(plan.passesBudget() ? "WARNING " : "").append(plan.describe()).append('\n');
        }
        return out.toString();
    }

    private static String time(Object value) {
        return value == null ? "" : value instanceof TemporalAccessor ? value.toString().replace('T', ' ') : value.toString();
    }

    private static String seconds(Object value) {
        return value == null ? "running" : String.format("%.1f", ((Number) value).doubleValue());
    }

    private static String cut(String text, int max) {
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
