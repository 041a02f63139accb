package io.jackyunsync.run;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A scheme's schedule priced in calls: how often its cron fires in a Beijing day and the least calls each run makes (one
 * page a read: a window with nothing new still asks each partition once), against the daily budget of its method. The
 * least a day is what the schedule spends with nothing to read; a first load, a reconciliation or a re-run come on top.
 */
public record CallPlan(String scheme, String method, String cron, long firesPerDay, int callsPerRun, Scheme.Quota quota) {

    /** Fires counted at most (a cron of every second fires 86,400 times a day). */
    static final int MAX_FIRES = 86_400;

    public static CallPlan of(CompiledScheme compiled, String cron) {
        Scheme.Source source = compiled.scheme().source();
        Scheme.Partitions partitions = source.partitions();
        int reads = partitions == null || partitions.values() == null || partitions.values().isEmpty() ? 1 : partitions.values().size();
        return new CallPlan(compiled.name(), source.api(), cron, firesPerDay(cron), reads, source.budget());
    }

    /** How many times {@code cron} fires on a whole Beijing day (tomorrow's, as Quartz reads the cron in Beijing time). */
    static long firesPerDay(String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + cron, e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(BeijingTime.ZONE));
        ZonedDateTime start = LocalDate.now(BeijingTime.ZONE).plusDays(1).atStartOfDay(BeijingTime.ZONE);
        Date end = Date.from(start.plusDays(1).toInstant());
        long fires = 0;
        // the second before midnight: a cron that fires at 00:00:00 counts that fire
        for (Date at = expression.getNextValidTimeAfter(Date.from(start.minusSeconds(1).toInstant())); at != null && at.before(end)
                && fires < MAX_FIRES; at = expression.getNextValidTimeAfter(at)) {
            fires++;
        }
        return fires;
    }

    /** The calls a day the schedule spends with nothing to read. */
    public long leastCallsPerDay() {
        return firesPerDay * callsPerRun;
    }

    /** The schedule alone spends more than the daily budget. */
    public boolean passesBudget() {
        return quota.perDay() != null && leastCallsPerDay() > quota.perDay();
    }

    /** One line: the schedule, its least calls a day, and the budget, with what to do when the schedule passes it. */
    public String describe() {
        String least = scheme + ": its schedule '" + cron + "' fires " + firesPerDay + " times a Beijing day, at least "
                + leastCallsPerDay() + " calls of " + method + " a day (" + callsPerRun + (callsPerRun == 1 ? " call" : " calls")
                + " a run with nothing new)";
        if (quota.perDay() == null) {
            return least + "; no daily budget (sync." + scheme + ".quota-per-day)";
        }
        if (passesBudget()) {
            return least + ", more than its budget of " + quota.perDay() + " a day (sync." + scheme + ".quota-per-day): runs will end QUOTA"
                    + " before the day ends; fire less often (sync." + scheme + ".cron)";
        }
        return least + " of its budget of " + quota.perDay() + " a day (" + Math.round(leastCallsPerDay() * 100.0 / quota.perDay())
                + " %); the rest is left for first loads, reconciliations and re-runs";
    }
}
