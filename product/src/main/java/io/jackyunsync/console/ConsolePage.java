package io.jackyunsync.console;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Header;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;

/** The HTML of the console page: plain tables, every value escaped. */
public final class ConsolePage implements CamelContextAware {

    private CamelContext context;

    @Override
    public void setCamelContext(CamelContext context) { this.context = context; }

    @Override
    public CamelContext getCamelContext() { return context; }

    /** Each route with its state and statistics, from Camel's management beans. */
    List<Map<String, Object>> routes() {
        var managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("route", route.getRouteId());
            row.put("state", context.getRouteController().getRouteStatus(route.getRouteId()));
            var stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            if (stats != null) {
                row.put("exchanges", stats.getExchangesTotal());
                row.put("failed", stats.getExchangesFailed());
                row.put("mean ms", stats.getMeanProcessingTime());
                row.put("last", stats.getLastExchangeCompletedTimestamp());
            }
            row.put("description", route.getDescription());
            rows.add(row);
        }
        rows.sort(Comparator.comparing(r -> r.get("route").toString()));
        return rows;
    }

    public String render(@Header("runs") List<Map<String, Object>> runs, @Header("checkpoints") List<Map<String, Object>> checkpoints,
            @Header("rejects") List<Map<String, Object>> rejects, @Header("deadLetters") List<Map<String, Object>> deadLetters) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>jackyun-sync</title>
                <meta http-equiv="refresh" content="10">
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
                th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eee}
                .SUCCEEDED{color:#080}.FAILED{color:#c00}.PARTIAL{color:#c60}.QUOTA{color:#909}.RUNNING{color:#06c}</style></head><body>
                <h1>jackyun-sync</h1>
                """);
        table(html, "Runs", runs, List.of("id", "scheme", "status", "window_start", "window_end", "pages", "records_fetched",
                "rows_inserted", "rows_updated", "duplicates_dropped", "rows_rejected", "dead_letters", "seconds", "error"));
        table(html, "Routes (Camel)", routes(), List.of("route", "state", "exchanges", "failed", "mean ms", "last", "description"));
        table(html, "Checkpoints", checkpoints, List.of("scheme", "checkpoint", "updated_at"));
        table(html, "Rejected records (sync_reject)", rejects, List.of("scheme", "rule", "records", "latest"));
        table(html, "Dead letters (sync_dead_letter)", deadLetters, List.of("scheme", "kind", "status", "items", "attempts"));
        return html.append("</body></html>").toString();
    }

    private static void table(StringBuilder html, String title, List<Map<String, Object>> rows, List<String> columns) {
        html.append("<h2>").append(escape(title)).append("</h2><table id=\"").append(escape(title.split(" ")[0].toLowerCase()))
                .append("\"><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>");
        for (Map<String, Object> row : rows) {
            html.append("<tr>");
            for (String c : columns) {
                Object v = row.get(c);
                String text = v == null
                        ? ""
                        : v instanceof TemporalAccessor
                                ? v.toString().replace('T', ' ')
                                : v instanceof Date d ? d.toInstant().toString().replace('T', ' ').replace("Z", " UTC") : v.toString();
                html.append("<td class=\"").append(escape(text)).append("\">").append(escape(text)).append("</td>");
            }
            html.append("</tr>");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(columns.size()).append("\">none</td></tr>");
        }
        html.append("</table>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
