package io.jackyunsync.app;

import io.jackyunsync.reconcile.Reconciler;
import io.jackyunsync.run.BatchChildren;
import io.jackyunsync.run.WriteRoutes;
import io.jackyunsync.scheme.ChildReconcileSql;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.ReconcileSql;
import io.jackyunsync.scheme.SchemeSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * The write routes of the schemes (routes/sync-write.camel.yaml), one per scheme and one per its reconciliation stage,
 * each with a route per child table, and the statements of its reconciliation (routes/reconcile.camel.yaml): made from
 * the templates with the scheme's statements, which are bound as strings
 * named after their route ({@code <route id>.upsert}, ...) and read by the sql endpoints as {@code ref:} resources. A
 * statement cannot be the endpoint's URI: a {@code _function}'s {@code ?}, {@code &}, {@code %xx} or <code>{{</code> would
 * be read as a query, an escape or a placeholder (and a header swapped in before the endpoint is what this replaces).
 * A scheme reloaded ({@code sync.schemes-reload}) gets its routes made again.
 */
public final class SchemeRoutes {

    /** The templates, by id. */
    static final String WRITE = "sync-write";
    static final String WRITE_WITH_LINES = "sync-write-with-lines";
    static final String LINES = "sync-write-lines";

    private final CamelContext context;
    /** The routes made per scheme, to remove on a reload. */
    private final Map<String, List<String>> made = new HashMap<>();

    private final Map<String, CompiledScheme> schemes;
    /** sync.&lt;scheme&gt;.reconcile.extras, by scheme: the reconciliation's statements follow it. */
    private final Map<String, String> extras;

    SchemeRoutes(CamelContext context, Map<String, CompiledScheme> schemes, Map<String, String> extras) {
        this.context = context;
        this.schemes = schemes;
        this.extras = Map.copyOf(extras);
    }

    /** Makes the write routes of each enabled scheme (once the templates are loaded). */
    synchronized void addAll() {
        for (CompiledScheme scheme : schemes.values()) {
            add(scheme);
        }
    }

    /** Makes the write routes of a reloaded scheme again, with its new statements and child tables. */
    synchronized void replace(CompiledScheme scheme) {
        try {
            for (String id : made.getOrDefault(scheme.name(), List.of())) {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot replace the write routes of scheme " + scheme.name() + ": " + e.getMessage(), e);
        }
        made.remove(scheme.name());
        add(scheme);
    }

    private void add(CompiledScheme scheme) {
        String key = scheme.scheme().target().key();
        add(WriteRoutes.upsert(scheme.name()), scheme.name(), scheme.sql(), scheme.children(), key);
        ReconcileSql stage = ReconcileSql.of(scheme.scheme());
        add(WriteRoutes.stage(scheme.name()), scheme.name(), stage.stageSql(), stage.stagingChildren(), key);
        bindReconcile(scheme.name(), Reconciler.statementsOf(scheme.scheme(), extras.get(scheme.name())));
    }

    /**
     * The statements of a scheme's reconciliation, for routes/reconcile.camel.yaml's
     * {@code sql:ref:reconcile-<scheme>-<statement>} and, per child table in the scheme's order,
     * {@code sql:ref:reconcile-<scheme>-lines<index>-<statement>}.
     */
    private void bindReconcile(String scheme, ReconcileSql sql) {
        String prefix = "reconcile-" + scheme + "-";
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("createStage", sql.createStage());
        statements.put("clearStage", sql.clearStage());
        statements.put("counts", sql.counts());
        statements.put("repair", sql.repair());
        statements.put("extrasDelete", sql.extrasDelete());
        statements.put("extrasMark", sql.extrasMark());
        for (int i = 0; i < sql.children().size(); i++) {
            ChildReconcileSql c = sql.children().get(i);
            String lines = "lines" + i + "-";
            statements.put(lines + "createStage", c.createStage());
            statements.put(lines + "clearStage", c.clearStage());
            statements.put(lines + "counts", c.counts());
            statements.put(lines + "repair", c.repair());
            statements.put(lines + "extrasDelete", c.extrasDelete());
            statements.put(lines + "linesOfExtraParents", c.linesOfExtraParents());
        }
        // a statement a scheme has none of (no mark column: no extrasMark) is left unbound: the route never asks for it
        statements.forEach((name, statement) -> {
            if (statement != null) {
                statement(prefix + name, statement);
            }
        });
    }

    private void add(String routeId, String scheme, SchemeSql sql, List<ChildTable> children, String parentKey) {
        List<String> lineRoutes = new ArrayList<>();
        for (ChildTable child : children) {
            String id = WriteRoutes.lines(routeId, child.child().table());
            context.getRegistry().bind(id + ".lines", new BatchChildren(child, parentKey));
            Map<String, Object> p = new HashMap<>();
            p.put("routeId", id);
            p.put("table", child.child().table());
            p.put("lines", id + ".lines");
            p.put("existingSql", statement(id + ".existing", child.existing()));
            p.put("deleteSql", statement(id + ".delete", child.deleteStale()));
            p.put("upsertSql", statement(id + ".upsert", child.sql().upsert()));
            addRoute(id, LINES, p, scheme);
            lineRoutes.add("direct:" + id);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("routeId", routeId);
        p.put("schemeName", scheme);
        p.put("countSql", statement(routeId + ".count", sql.countExisting()));
        p.put("upsertSql", statement(routeId + ".upsert", sql.upsert()));
        if (!lineRoutes.isEmpty()) {
            p.put("lineRoutes", String.join(",", lineRoutes));
        }
        addRoute(routeId, lineRoutes.isEmpty() ? WRITE : WRITE_WITH_LINES, p, scheme);
    }

    /** Binds a statement under its name; the endpoint reads it as the resource {@code ref:<name>}. */
    private String statement(String name, String sql) {
        context.getRegistry().bind(name, sql);
        return "ref:" + name;
    }

    private void addRoute(String id, String template, Map<String, Object> parameters, String scheme) {
        try {
            context.addRouteFromTemplate(id, template, parameters);
            made.computeIfAbsent(scheme, s -> new ArrayList<>()).add(id);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the write route " + id + " of scheme " + scheme + ": " + e.getMessage(), e);
        }
    }
}
