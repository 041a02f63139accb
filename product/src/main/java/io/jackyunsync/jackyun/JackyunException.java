package io.jackyunsync.jackyun;

import java.time.Duration;
import java.util.Set;

/** A failed Jackyun call: the gateway's subCode (or a transport reason), its message, and whether a retry can help. */
public class JackyunException extends RuntimeException {

    /** Sub-codes that mean "too many calls": the pacer slows down when it sees one. */
    public static final Set<String> THROTTLE_CODES = Set.of("HTTP_429", "0859999999");

    private final String subCode;
    private final boolean retryable;
    private Duration retryAfter;

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

    public boolean isThrottled() { return THROTTLE_CODES.contains(subCode); }

    /** The gateway's Retry-After, when it sent one. */
    public Duration getRetryAfter() { return retryAfter; }

    JackyunException withRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }
}
