package io.jackyunsync.scheme;

import static io.jackyunsync.scheme.SqlParts.examples;
import static io.jackyunsync.scheme.SqlParts.hash;
import static io.jackyunsync.scheme.SqlParts.q;
import static io.jackyunsync.scheme.SqlParts.stageName;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of a reconciliation, derived from the scheme's target like {@link SchemeSql}: the source set is
 * written (with the sync's own upsert and mapping) into a stage table made {@code LIKE} the target, so both sides
 * hold the same column types; then the database compares them by key and by an MD5 of the compared fields
 * (those a sync rewrites: neither the key, nor {@code onUpdate: keep}, nor {@code _function} fields). Each child
 * table has statements of its own ({@link ChildReconcileSql}), and its own stage table, in {@code children}. The
 * {@code version} column (the one mapped from {@code {<source.modified>}}, null when the scheme maps none) guards the
 * repair: a stage row older than the table's row is counted as newer in MySQL and never written, nor are its lines.
 */
public record ReconcileSql(String stage, String createStage, String clearStage, SchemeSql stageSql, String counts,
        String repair, String extrasDelete, String extrasMark, List<ChildReconcileSql> children,
        String version) {

    public static ReconcileSql of(Scheme scheme) {
        Scheme.Target t = scheme.target();
        String table = q(t.table());
        String stage = stageName(t.table());
        String s = q(stage);
        String key = q(t.key());
        SchemeSql targetSql = SchemeSql.of(t);
        SchemeSql stageSql = new SchemeSql(targetSql.upsert().replaceFirst("^INSERT INTO " + Pattern.quote(table),
                "INSERT INTO " + Matcher.quoteReplacement(s)), targetSql.countExisting().replace(" FROM " + table, " FROM " + s));
        List<String> compared = t.fields().stream()
                .filter(f -> !f.field().equals(t.key()) && !f.keepOnUpdate() && !FieldValue.isFunction(f.value() == null ? "" : f.value()))
                .map(f -> f.field()).toList();
        String hashS = hash("s", compared);
        String hashT = hash("t", compared);
        Scheme.Reconcile policy = scheme.reconcilePolicy();
        String markedT = "mark".equals(policy.extrasPolicy())
                ? "t." + q(policy.markColumn()) + " <=> " + literalParameter()
                : "FALSE";
        // one account's rows on either side (the stage holds those of every account being reconciled): joined by account
        // and key, each side filtered by the account (:#account, the reconciliation's)
        String missing = " FROM " + s + " s LEFT JOIN " + table + " t ON " + SqlParts.on("t", "s", key) + " WHERE "
                + SqlParts.ofAccount("s")
                + " AND t." + key + " IS NULL";
        String extra = " FROM " + table + " t LEFT JOIN " + s + " s ON " + SqlParts.on("s", "t", key) + " WHERE " + SqlParts.ofAccount("t")
                + " AND s." + key + " IS NULL";
        String version = versionColumn(scheme);
        // the stage row is older than MySQL's (by the source's modified time): a stale copy served, never written
        // (or it has no version while MySQL's row has one: its age cannot be told, so it is not written either)
        String older = version == null
                ? "FALSE"
                : "(COALESCE(t." + q(version) + " > s." + q(version) + ", FALSE) OR (t." + q(version)
                        + " IS NOT NULL AND s." + q(version) + " IS NULL))";
        String changed = " FROM " + s + " s JOIN " + table + " t ON " + SqlParts.on("t", "s", key) + " WHERE " + SqlParts.ofAccount("s")
                + " AND " + hashS + " <> " + hashT;
        String different = version == null ? changed : changed + " AND NOT " + older;
        String newer = changed + " AND " + older;
        String counts = "SELECT (SELECT COUNT(*) FROM " + s + " s WHERE " + SqlParts.ofAccount("s")
                + ") AS source_count, (SELECT COUNT(*) FROM "
                + table + " t WHERE " + SqlParts.ofAccount("t") + ") AS target_count, "
                + "(SELECT COUNT(*)" + missing + ") AS missing, "
                + "(SELECT COUNT(*)" + extra + ") AS extra, "
                + "(SELECT COUNT(*)" + extra + " AND " + markedT + ") AS extra_marked, "
                + "(SELECT COUNT(*)" + different + ") AS different, "
                + examples("s", key, missing) + " AS missing_examples, "
                + examples("t", key, extra) + " AS extra_examples, "
                + examples("s", key, different) + " AS different_examples, "
                + (version == null
                        ? "0 AS newer, NULL AS newer_examples"
                        : "(SELECT COUNT(*)" + newer + ") AS newer, " + examples("s", key, newer) + " AS newer_examples");

        // the repair: missing and different rows from the stage, through the production update clause - never a stale copy
        List<String> columns = new ArrayList<>(List.of(q(RowAccount.COLUMN)));
        List<String> values = new ArrayList<>(List.of("s." + q(RowAccount.COLUMN) + " AS v0"));
        for (Scheme.TargetField f : t.fields()) {
            columns.add(q(f.field()));
            values.add("s." + q(f.field()) + " AS v" + values.size());
        }
        String upsert = targetSql.upsert();
        String update = upsert.substring(upsert.indexOf(" ON DUPLICATE KEY UPDATE "));
        String stamp = t.updateTime() == null ? "" : ", " + q(t.updateTime());
        String repair = "INSERT INTO " + table + " (" + String.join(", ", columns) + stamp + ") SELECT dt.*"
                + (stamp.isEmpty() ? "" : ", NOW()")
                + " FROM (SELECT " + String.join(", ", values) + " FROM " + s + " s LEFT JOIN " + table + " t ON "
                + SqlParts.on("t", "s", key)
                + " WHERE " + SqlParts.ofAccount("s") + " AND (t." + key + " IS NULL OR (" + hashS + " <> " + hashT
                + (version == null ? "" : " AND NOT " + older) + "))) dt" + update;
        String extrasDelete = "DELETE t" + extra;
        String extrasMark = "mark".equals(policy.extrasPolicy())
                ? "UPDATE " + table + " t LEFT JOIN " + s + " s ON " + SqlParts.on("s", "t", key) + " SET t." + q(policy.markColumn())
                        + " = :#markValue" + (t.updateTime() == null ? "" : ", t." + q(t.updateTime()) + " = NOW()")
                        + " WHERE " + SqlParts.ofAccount("t") + " AND s." + key + " IS NULL AND NOT (t." + q(policy.markColumn())
                        + " <=> :#markValue)"
                : null;
        // the lines of the child tables: staged in stage tables of their own, never in the production child tables
        Scheme.TargetField keyField = t.fields().stream().filter(f -> f.field().equals(t.key())).findFirst().orElseThrow();
        String parentStage = stage;
        List<ChildReconcileSql> children = t.childTables().stream()
                .map(c -> ChildReconcileSql.of(c, keyField, t.table(), parentStage, version)).toList();
        return new ReconcileSql(stage, "CREATE TABLE IF NOT EXISTS " + s + " LIKE " + table,
                "DELETE FROM " + s + " WHERE " + SqlParts.ACCOUNT + " = :#account", stageSql,
                counts.replace(literalParameter(), ":#markValue"), repair, extrasDelete, extrasMark, children, version);
    }

    /**
     * The row's version: the target column mapped from {@code {<source.modified>}} and rewritten by an update (not
     * {@code onUpdate: keep}); null when the scheme names no modified time or maps it to no column (no version guard).
     */
    public static String versionColumn(Scheme scheme) {
        String modified = scheme.source() == null ? null : scheme.source().modified();
        if (modified == null || modified.isBlank()) {
            return null;
        }
        String placeholder = "{" + modified.trim() + "}";
        return scheme.target().fields().stream()
                .filter(f -> f.value() != null && f.value().trim().equals(placeholder) && !f.keepOnUpdate())
                .map(Scheme.TargetField::field).findFirst().orElse(null);
    }

    /** The staging child tables, for the staging CompiledScheme: its stage read writes lines there, not in production. */
    public List<ChildTable> stagingChildren() {
        return ChildReconcileSql.staging(children);
    }

    private static String literalParameter() {
        return "\u0000markValue\u0000";
    }
}
