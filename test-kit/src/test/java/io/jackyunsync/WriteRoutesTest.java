package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Route;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RemoveHeadersDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutingSlipDefinition;
import org.apache.camel.model.SetHeaderDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.junit.jupiter.api.Test;

/**
 * Checks that each scheme writes through routes of its own made from the write templates (sync-write.camel.yaml): their
 * ids, their statements as sql endpoints of their own (no CamelSqlQuery header, no clean-up of one), child steps only
 * in a scheme with child tables, and no route condition that calls a method with a side effect.
 */
class WriteRoutesTest extends SyncMainTestSupport {

    /** The only bean method a route condition calls: a pure question (SyncService.probeNeeded). */
    private static final List<String> PURE_CONDITIONS = List.of("probeNeeded");
    /** A method call in a simple condition: only size() reads without changing anything. */
    private static final Pattern CALL = Pattern.compile("\\.(\\w+)\\(");

    @Override
    protected void settings(Map<String, String> settings) {
        Simulators.tradeScheme(settings, 10);
    }

    @Test
    void should_make_a_write_route_per_scheme_its_stage_and_its_child_tables() {
        List<String> ids = context.getRoutes().stream().map(Route::getRouteId).filter(id -> id.startsWith("sync-upsert-"))
                .toList();
        assertThat(ids).containsExactlyInAnyOrder("sync-upsert-row", "sync-upsert-warehouse", "sync-upsert-warehouse-stage",
                "sync-upsert-trade", "sync-upsert-trade-trade-goods", "sync-upsert-trade-stage",
                "sync-upsert-trade-stage-sync-reconcile-trade-goods");
    }

    @Test
    void should_give_child_steps_only_to_a_scheme_with_child_tables() {
        assertThat(outputs(route("sync-upsert-warehouse"))).noneMatch(RoutingSlipDefinition.class::isInstance);
        assertThat(outputs(route("sync-upsert-warehouse-stage"))).noneMatch(RoutingSlipDefinition.class::isInstance);
        assertThat(outputs(route("sync-upsert-trade"))).anyMatch(RoutingSlipDefinition.class::isInstance);
    }

    @Test
    void should_write_with_the_schemes_statements_as_endpoints_of_their_own() {
        Map<String, SqlEndpoint> byQuery = new HashMap<>();
        context.getEndpoints().stream().filter(SqlEndpoint.class::isInstance).map(SqlEndpoint.class::cast)
                .forEach(e -> byQuery.put(e.getQuery(), e));
        assertThat(byQuery).containsKeys("ref:sync-upsert-warehouse.upsert", "ref:sync-upsert-warehouse.count",
                "ref:sync-upsert-trade.upsert", "ref:sync-upsert-trade-trade-goods.upsert", "ref:sync-upsert-trade-trade-goods.delete",
                "ref:sync-upsert-trade-trade-goods.existing");
        assertThat(byQuery.get("ref:sync-upsert-warehouse.upsert").isBatch()).isTrue();
        assertThat(byQuery.get("ref:sync-upsert-trade-trade-goods.delete").isBatch()).isTrue();
        assertThat(byQuery.keySet()).noneMatch(q -> q.startsWith("scheme-"));
        assertThat(context.getRegistry().lookupByNameAndType("sync-upsert-warehouse.upsert", String.class))
                .startsWith("INSERT INTO `warehouse`");
        // the reconciliation's statements, by scheme and child table, as routes/reconcile.camel.yaml names them
        assertThat(context.getRegistry().lookupByNameAndType("reconcile-trade-counts", String.class)).contains("sync_reconcile_trade");
        assertThat(context.getRegistry().lookupByNameAndType("reconcile-trade-lines0-repair", String.class)).contains("trade_goods");
    }

    @Test
    void should_swap_no_statement_in_through_a_header_on_the_sync_and_reconcile_routes() {
        for (RouteDefinition route : model().getRouteDefinitions()) {
            if (!route.getRouteId().startsWith("sync-") && !route.getRouteId().startsWith("reconcile")) {
                continue;
            }
            for (ProcessorDefinition<?> step : outputs(route)) {
                if (step instanceof SetHeaderDefinition header) {
                    assertThat(header.getName()).as(route.getRouteId()).doesNotStartWith("CamelSqlQuery");
                }
                if (step instanceof RemoveHeadersDefinition remove && route.getRouteId().startsWith("sync-upsert")) {
                    assertThat(remove.getPattern()).as(route.getRouteId() + " cleans no header up").isNull();
                }
            }
        }
    }

    @Test
    void should_ask_no_route_condition_for_a_method_with_a_side_effect() {
        for (RouteDefinition route : model().getRouteDefinitions()) {
            List<ExpressionDefinition> conditions = new ArrayList<>();
            for (ProcessorDefinition<?> step : outputs(route)) {
                if ((step instanceof FilterDefinition || step instanceof LoopDefinition)
                        && ((ExpressionNode) step).getExpression() != null) {
                    conditions.add(((ExpressionNode) step).getExpression());
                }
                if (step instanceof ChoiceDefinition choice) {
                    choice.getWhenClauses().forEach(w -> conditions.add(w.getExpression()));
                }
            }
            for (ExpressionDefinition condition : conditions) {
                if (condition instanceof MethodCallExpression method) {
                    assertThat(method.getMethod()).as(route.getRouteId()).isIn(PURE_CONDITIONS);
                } else {
                    var calls = CALL.matcher(condition.getExpression());
                    while (calls.find()) {
                        assertThat(calls.group(1)).as(route.getRouteId() + ": " + condition.getExpression()).isEqualTo("size");
                    }
                }
            }
        }
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private RouteDefinition route(String id) {
        RouteDefinition route = model().getRouteDefinition(id);
        assertThat(route).as(id).isNotNull();
        return route;
    }

    /** Every step of a route, nested ones included. */
    private static List<ProcessorDefinition<?>> outputs(RouteDefinition route) {
        List<ProcessorDefinition<?>> all = new ArrayList<>();
        collect(route.getOutputs(), all);
        return all;
    }

    private static void collect(List<ProcessorDefinition<?>> steps, List<ProcessorDefinition<?>> all) {
        for (ProcessorDefinition<?> step : steps) {
            all.add(step);
            collect(step.getOutputs(), all);
            if (step instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(w -> collect(w.getOutputs(), all));
                if (choice.getOtherwise() != null) {
                    collect(choice.getOtherwise().getOutputs(), all);
                }
            }
            if (step instanceof TryDefinition doTry) {
                doTry.getCatchClauses().forEach(c -> collect(c.getOutputs(), all));
                if (doTry.getFinallyClause() != null) {
                    collect(doTry.getFinallyClause().getOutputs(), all);
                }
            }
        }
    }
}
