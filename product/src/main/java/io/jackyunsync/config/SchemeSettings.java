package io.jackyunsync.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * The options of one scheme, over what its file says: its switch (sync.&lt;name&gt;.enabled), its cron, the cron of
 * its scheduled reconciliation (null: none), the reconciliation's extras policy (null: the file's) and the initial start
 * of its first window (sync.&lt;name&gt;.initial-start; null: the file's) and its quota of calls per account and Beijing
 * day and month (sync.&lt;name&gt;.quota-per-day and -per-month; null: the file's source.quota).
 */
public record SchemeSettings(String name, boolean enabled, Boolean switched, String cron, String reconcileCron, String reconcileExtras,
        String initialStart, Integer quotaPerDay, Integer quotaPerMonth, List<String> accounts) {

    /**
     * Reads the scheme's keys; its cron and reconciliation cron are checked only when it is enabled; its accounts
     * (sync.&lt;name&gt;.accounts, a comma list) must be among {@code known}, and are all of them when unset.
     */
    public static SchemeSettings read(Reader r, String name, boolean fileEnabled, String fileCron, List<String> known) {
        String switchKey = "sync." + name + ".enabled";
        Optional<String> switchValue = r.optional(switchKey);
        Boolean switched = switchValue.filter(v -> v.matches("true|false")).map(Boolean::valueOf).orElse(null);
        switchValue.filter(v -> !v.matches("true|false")).ifPresent(v -> r.problems().add(switchKey + " (environment "
                + Reader.env(switchKey) + ") must be true or false (got '" + v + "')"));
        boolean enabled = switched != null ? switched : fileEnabled;

        String cronKey = "sync." + name + ".cron";
        String cron = r.optional(cronKey).orElse(fileCron);
        if (enabled) {
            cron(r, cronKey, cron, "0 0/10 * * * ?");
        }
        String reconcileKey = "sync." + name + ".reconcile.cron";
        String reconcileCron = enabled ? r.optional(reconcileKey).orElse(null) : null;
        if (reconcileCron != null) {
            cron(r, reconcileKey, reconcileCron, "0 30 2 * * ?");
        }
        String extrasKey = "sync." + name + ".reconcile.extras";
        String extras = r.optional(extrasKey).orElse(null);
        if (extras != null && !extras.matches("keep|mark|delete")) {
            r.problems().add(extrasKey + " must be keep, mark or delete (got '" + extras + "')");
        }
        // where a first run (and a reconciliation of a sliced source) starts: a go-live date rather than the file's 2015
        String startKey = "sync." + name + ".initial-start";
        String initialStart = r.optional(startKey).orElse(null);
        if (initialStart != null && !initialStart.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            r.problems().add(startKey + " (environment " + Reader.env(startKey) + ") must be yyyy-MM-dd HH:mm:ss, Beijing time (got '"
                    + initialStart + "')");
            initialStart = null;
        }
        return new SchemeSettings(name, enabled, switched, cron, reconcileCron, extras, initialStart,
                quota(r, "sync." + name + ".quota-per-day"), quota(r, "sync." + name + ".quota-per-month"), accounts(r, name, known));
    }

    /** sync.&lt;name&gt;.accounts: the accounts the scheme runs for, each one of jackyun.accounts; unset, all of them. */
    private static List<String> accounts(Reader r, String name, List<String> known) {
        String key = "sync." + name + ".accounts";
        String value = r.optional(key).orElse(null);
        if (value == null) {
            return List.copyOf(known);
        }
        Set<String> picked = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String account = part.trim();
            if (account.isEmpty()) {
                continue;
            }
            if (!known.contains(account)) {
                r.problems().add(key + " (environment " + Reader.env(key) + ") names the account '" + account + "', which is not"
                        + " one of jackyun.accounts (JACKYUN_ACCOUNTS): " + known);
            }
            picked.add(account);
        }
        if (picked.isEmpty()) {
            r.problems().add(key + " (environment " + Reader.env(key) + ") names no account; leave it unset for all of " + known);
        }
        return List.copyOf(picked);
    }

    /** A quota: calls, a positive whole number (at most a billion); absent, the file's. */
    private static Integer quota(Reader r, String key) {
        String value = r.optional(key).orElse(null);
        if (value == null) {
            return null;
        }
        if (!value.matches("[1-9]\\d{0,9}") || Long.parseLong(value) > 1_000_000_000L) {
            r.problems().add(key + " (environment " + Reader.env(key) + ") must be a whole number of calls from 1 to 1000000000 (got '"
                    + value + "')");
            return null;
        }
        return Integer.valueOf(value);
    }

    private static void cron(Reader r, String key, String cron, String example) {
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            r.problems().add(key + " (environment " + Reader.env(key) + ") must be a Quartz cron expression such as '" + example
                    + "' (got '" + cron + "')");
        }
    }
}
