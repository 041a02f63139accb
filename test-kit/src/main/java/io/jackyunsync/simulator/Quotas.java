package io.jackyunsync.simulator;

import io.jackyunsync.jackyun.BeijingTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's call quotas (docs/jackyun/documents.md, "Quotas"): past {@code perDay} calls of a method in a Beijing
 * day, every call of it answers code 0 with 额度不足 and the configured subCode until Beijing midnight. And a gateway that
 * refuses every call with one subCode (an app not enabled, a method not subscribed).
 */
final class Quotas {

    static final String QUOTA_MSG = "接口调用额度不足，请明日再试";
    static final String DEFAULT_SUB_CODE = "0130000700";

    private final Clock clock;
    private final Map<String, AtomicLong> callsToday = new ConcurrentHashMap<>();
    private volatile int perDay;
    private volatile String subCode = DEFAULT_SUB_CODE;
    private volatile String refuseAll;

    Quotas(Clock clock) {
        this.clock = clock;
    }

    /** At most {@code calls} of each method a Beijing day (0: no limit), past them answered with {@code subCode}. */
    void perDay(int calls, String subCode) {
        this.perDay = calls;
        this.subCode = subCode == null || subCode.isBlank() ? DEFAULT_SUB_CODE : subCode;
    }

    /** Every call refused with this subCode (null: none). */
    void refuseAll(String subCode) {
        this.refuseAll = subCode == null || subCode.isBlank() ? null : subCode;
    }

    /** A signed call of {@code method}: counted against its day's quota, or refused. */
    void check(String method) {
        String all = refuseAll;
        if (all != null) {
            throw new Refusal(all, switch (all) {
                case "0130000609" -> "应用未开通开放平台权限";
                case "0130020310" -> "应用未订阅该接口";
                default -> "调用被拒绝";
            });
        }
        int limit = perDay;
        if (limit <= 0) {
            return;
        }
        String key = LocalDate.now(clock.withZone(BeijingTime.ZONE)) + " " + method;
        if (callsToday.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet() > limit) {
            throw new Refusal(subCode, QUOTA_MSG);
        }
    }
}
