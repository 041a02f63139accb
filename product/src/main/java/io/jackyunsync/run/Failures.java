package io.jackyunsync.run;

import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.OneLine;
import java.sql.SQLException;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;

/** How a failure is told: its words (one line, the root cause's) and its kind (health shows the kind, never the text). */
public final class Failures {

    /** The kind of a failure of the quota: the method's budget or the gateway's quota spent (the run ends QUOTA). */
    public static final String QUOTA = "quota";

    private Failures() {
    }

    /**
     * The root cause's message: for a database error that is the server's text, not the whole statement. On one line
     * ({@link OneLine}): it can quote a record's value or the gateway's msg.
     */
    public static String describe(Throwable e) {
        Throwable t = e instanceof NestedRuntimeException n && n.getMostSpecificCause() != null
                ? n.getMostSpecificCause()
                : e;
        return OneLine.of(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), OneLine.ERROR_MAX);
    }

    /**
     * What kind of failure {@code e} is, in words of this code only (health shows it instead of the error's text):
     * {@code quota}, {@code gateway <subCode>}, {@code database}, or the exception's class name.
     */
    public static String kindOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JackyunException j && j.isQuota()) {
                return QUOTA;
            }
            if (t instanceof JackyunException j) {
                String code = j.getSubCode() == null ? "" : j.getSubCode().replaceAll("[^A-Za-z0-9_]", "");
                return "gateway " + (code.isEmpty() ? "error" : code.substring(0, Math.min(code.length(), 24)));
            }
            if (t instanceof SQLException || t instanceof DataAccessException) {
                return "database";
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName();
            }
        }
        return "error";
    }
}
