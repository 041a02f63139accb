package io.jackyunsync.scheme;

import java.util.List;
import java.util.Map;

/**
 * The account column every target and child table has first in its key (DESIGN.md, "Accounts"): not a field of the
 * scheme's mapping but the run's account, put into each row and each of its child rows before they are written.
 */
public final class RowAccount {

    /** The column, and the row map's key its upsert binds. */
    public static final String COLUMN = "account";
    /** The header holding the batch's account as a one-element list, for the {@code :#in:} statements. */
    public static final String HEADER = "accounts";

    private RowAccount() {
    }

    /** Puts the account into the row and into every child row it carries (under a child table's rows key). */
    @SuppressWarnings("unchecked")
    public static void stamp(Map<String, Object> row, Object account) {
        row.put(COLUMN, account);
        for (Object value : row.values()) {
            if (value instanceof List<?> children) {
                for (Object child : children) {
                    if (child instanceof Map<?, ?> m) {
                        ((Map<String, Object>) m).put(COLUMN, account);
                    }
                }
            }
        }
    }
}
