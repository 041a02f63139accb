package io.jackyunsync.scheme;

import java.util.List;
import java.util.stream.Collectors;

/** The pieces of SQL the reconciliation statements of a table and of its child tables share. */
final class SqlParts {

    private static final int EXAMPLES = 5;
    /** The account column, quoted. */
    static final String ACCOUNT = "`" + RowAccount.COLUMN + "`";

    private SqlParts() {
    }

    /** The stage table of a target or child table: sync_reconcile_<table>, cut to MySQL's 64 characters. */
    static String stageName(String table) {
        String stage = "sync_reconcile_" + table;
        return stage.length() > 64 ? stage.substring(0, 64) : stage;
    }

    /** The content hash of one side's compared fields: QUOTE keeps NULL apart from the text 'NULL'. */
    static String hash(String alias, List<String> fields) {
        if (fields.isEmpty()) {
            return "''";
        }
        return "MD5(CONCAT_WS('|', " + fields.stream().map(f -> "QUOTE(" + alias + "." + q(f) + ")").collect(Collectors.joining(", "))
                + "))";
    }

    /** Up to five example keys of the rows {@code from} selects, comma-separated (the reports show them). */
    static String examples(String alias, String key, String from) {
        return "(SELECT GROUP_CONCAT(k ORDER BY k SEPARATOR ', ') FROM (SELECT " + alias + "." + key + " AS k" + from
                + " ORDER BY " + alias + "." + key + " LIMIT " + EXAMPLES + ") e)";
    }

    /** The join of two sides of one table's rows: the same account and the same key ({@code key} quoted). */
    static String on(String a, String b, String key) {
        return a + "." + ACCOUNT + " = " + b + "." + ACCOUNT + " AND " + a + "." + key + " = " + b + "." + key;
    }

    /** The side's rows of the reconciliation's account (the named parameter {@code :#account}, a header). */
    static String ofAccount(String alias) {
        return alias + "." + ACCOUNT + " = :#account";
    }

    /** A quoted identifier. */
    static String q(String name) {
        return "`" + name + "`";
    }
}
