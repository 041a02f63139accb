package io.jackyunsync.jackyun;

import java.time.Duration;
import java.util.Set;

/** A failed Jackyun call: the gateway's subCode (or a transport reason), its message, and whether a retry can help. */
public class JackyunException extends RuntimeException {

    /** Sub-codes that mean "too many calls": the pacer slows down when it sees one. */
    public static final Set<String> THROTTLE_CODES = Set.of("HTTP_429", "0859999999");

    /** The words of an exhausted quota in the gateway's msg (docs/jackyun/documents.md): they decide, whatever the subCode. */
    public static final String QUOTA_WORDS = "额度不足";

    private final String subCode;
    private final boolean retryable;
    private boolean quota;
    private Duration retryAfter;

    /**
     * A call the quota does not allow, the gateway's (its 额度不足 answer) or the sync's own budget: never retried, and
     * the run that meets it ends QUOTA.
     */
    public static JackyunException quotaSpent(String subCode, String message) {
        JackyunException e = new JackyunException(subCode, message, false);
        e.quota = true;
        return e;
    }

    public JackyunException(String subCode, String message, boolean retryable) {
        this(subCode, message, retryable, null);
    }

    public JackyunException(String subCode, String message, boolean retryable, Throwable cause) {
        // a message quotes the gateway (its msg, a parser's excerpt of its body): kept on one line wherever it is logged
        super(OneLine.of(message), cause);
        this.subCode = subCode;
        this.retryable = retryable;
    }

    public String getSubCode() { return subCode; }

    public boolean isRetryable() { return retryable; }

    public boolean isThrottled() { return !quota && THROTTLE_CODES.contains(subCode); }

    /** The quota is spent (the gateway said so, or the sync's budget): no call of this method until it resets. */
    public boolean isQuota() {
        return quota;
    }

    /** The gateway's Retry-After, when it sent one. */
    public Duration getRetryAfter() { return retryAfter; }

    JackyunException withRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }
}
