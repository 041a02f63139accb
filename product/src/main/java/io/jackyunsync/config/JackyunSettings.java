package io.jackyunsync.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts (each its gateway, credentials and rate: {@link AccountSettings}), the limits of a call and the
 * sub-codes that mean an exhausted quota.
 */
public record JackyunSettings(List<AccountSettings> accounts, Duration readTimeout, Duration callDeadline, long maxBodyBytes,
        Set<String> quotaSubCodes) {

    public static JackyunSettings read(Reader r) {
        JackyunSettings s = new JackyunSettings(
                AccountSettings.read(r),
                Duration.ofSeconds(r.number("jackyun.read-timeout-seconds", 60, 1, 600)),
                Duration.ofSeconds(r.number("jackyun.call-deadline-seconds", 180, 1, 3600)),
                r.number("jackyun.max-body-bytes", 64L * 1024 * 1024, 1024, 1024L * 1024 * 1024),
                quotaSubCodes(r));
        if (s.callDeadline().compareTo(s.readTimeout()) < 0) {
            r.problems().add("jackyun.call-deadline-seconds (" + s.callDeadline().toSeconds() + ") must not be shorter than"
                    + " jackyun.read-timeout-seconds (" + s.readTimeout().toSeconds() + ")");
        }
        return s;
    }

    /** jackyun.quota-sub-codes: a comma list of the gateway's sub-codes that mean an exhausted quota (besides its words). */
    private static Set<String> quotaSubCodes(Reader r) {
        String key = "jackyun.quota-sub-codes";
        Set<String> codes = new LinkedHashSet<>();
        for (String code : r.optional(key).orElse("").split(",")) {
            String c = code.trim();
            if (c.isEmpty()) {
                continue;
            }
            if (!c.matches("[A-Za-z0-9_]{1,32}")) {
                r.problems().add(key + " (environment " + Reader.env(key) + ") must be a comma list of sub-codes such as"
                        + " 0130000700 (got '" + c + "')");
            }
            codes.add(c);
        }
        return Set.copyOf(codes);
    }

    /** The names of the accounts, in the order configured. */
    public List<String> accountNames() {
        return accounts.stream().map(AccountSettings::name).toList();
    }
}
