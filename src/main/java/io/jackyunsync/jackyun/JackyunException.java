package io.jackyunsync.jackyun;

/** A failed Jackyun call: the gateway's subCode (or a transport reason), its message, and whether a retry can help. */
public class JackyunException extends RuntimeException {

    private final String subCode;
    private final boolean retryable;

    public JackyunException(String subCode, String message, boolean retryable) {
        this(subCode, message, retryable, null);
    }

    public JackyunException(String subCode, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.subCode = subCode;
        this.retryable = retryable;
    }

    public String getSubCode() {
        return subCode;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
