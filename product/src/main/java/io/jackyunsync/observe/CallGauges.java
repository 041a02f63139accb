package io.jackyunsync.observe;

import io.jackyunsync.db.SqlFile;
import io.jackyunsync.run.CallBudget;
import io.jackyunsync.run.CallPlan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The calls spent on each scheme's method today and this Beijing month, by every instance ({@code sync_call}, read at
 * most every {@link #CACHE_FOR}), beside the budget: {@code jackyun_sync_calls_spent{account, method, scheme, period}}
 * and {@code jackyun_sync_calls_budget{…}} (only where the scheme has one). NaN when sync_call cannot be read.
 */
public final class CallGauges {

    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final String SPENT = SqlFile.read("call-spent-now.sql");

    private final DataSource dataSource;
    private final Clock clock;
    private Map<String, Long> cached;
    private Instant readAt = Instant.MIN;

    /** {@code accountsOf}: the accounts each scheme runs for; a gauge per account, scheme, method and period. */
    public CallGauges(MeterRegistry registry, DataSource dataSource, Clock clock, List<CallPlan> plans,
            Function<String, List<String>> accountsOf) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (CallPlan plan : plans) {
            for (String account : accountsOf.apply(plan.scheme())) {
                register(registry, plan, account);
            }
        }
    }

    private void register(MeterRegistry registry, CallPlan plan, String account) {
        for (String period : List.of("day", "month")) {
            Gauge.builder("jackyun.sync.calls.spent", () -> spent(account + "/" + plan.method(), period))
                    .description("calls spent on the method this Beijing day or month, by every instance (sync_call)")
                    .tag("account", account).tag("method", plan.method()).tag("scheme", plan.scheme()).tag("period", period)
                    .register(registry);
            Integer budget = "day".equals(period) ? plan.quota().perDay() : plan.quota().perMonth();
            if (budget != null) {
                Gauge.builder("jackyun.sync.calls.budget", () -> budget)
                        .description("calls the scheme may spend on its method a Beijing day or month (its quota)")
                        .tag("account", account).tag("method", plan.method()).tag("scheme", plan.scheme())
                        .tag("period", period).register(registry);
            }
        }
    }

    private synchronized double spent(String method, String period) {
        Instant now = clock.instant();
        if (cached == null || Duration.between(readAt, now).compareTo(CACHE_FOR) >= 0) {
            try {
                cached = read();
                readAt = now;
            } catch (Exception e) {
                cached = null;
                return Double.NaN;
            }
        }
        return cached.getOrDefault(method + "/" + period, 0L);
    }

    private Map<String, Long> read() throws Exception {
        String day = CallBudget.day(clock);
        Map<String, Long> spent = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SPENT)) {
            s.setString(1, day);
            s.setString(2, day.substring(0, 7));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    spent.put(rs.getString(1) + "/" + rs.getString(2) + "/" + (day.equals(rs.getString(3)) ? "day" : "month"),
                            rs.getLong(4));
                }
            }
        }
        return spent;
    }
}
