package io.jackyunsync.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Checks a scheme before it runs: required keys, known types, placeholders that name something. */
final class SchemeChecks {

    static final Set<String> RUN_PLACEHOLDERS = Set.of("pageIndex", "pageSize", "windowStart", "windowEnd");

    private SchemeChecks() {
    }

    static List<String> check(Scheme s) {
        List<String> p = new ArrayList<>();
        if (s.name() == null || !s.name().matches("[a-z][a-z0-9-]*")) {
            p.add("name: required, lower-case letters, digits and dashes (got " + s.name() + ")");
        }
        if (s.source() == null) {
            p.add("source: required");
        } else {
            checkSource(s.source(), p);
        }
        if (s.target() == null) {
            p.add("target: required");
        } else {
            checkTarget(s.target(), p);
            checkReconcile(s.reconcilePolicy(), s.target(), p);
        }
        return p;
    }

    /**
     * What a scheme may run without but should not: a window read without {@code source.modified} has no version rule
     * (the first copy of a record wins) and no proof that the method kept to the window.
     */
    static List<String> warnings(Scheme s) {
        boolean windowed = s.source() != null && s.source().request() != null && s.source().request().stream()
                .anyMatch(f -> f.value() != null && f.value().contains("{windowStart}"));
        return windowed && s.source().modified() == null
                ? List.of("source.modified is not set: of two copies of a record the"
                        + " first read wins, and no check proves that the method keeps to its window")
                : List.of();
    }

    private static void checkReconcile(Scheme.Reconcile r, Scheme.Target t, List<String> p) {
        if (!Set.of("keep", "mark", "delete").contains(r.extrasPolicy())) {
            p.add("reconcile.extras: keep, mark or delete (got " + r.extrasPolicy() + ")");
        }
        if ("mark".equals(r.extrasPolicy())) {
            boolean known = t.fields() != null && t.fields().stream().anyMatch(f -> f.field() != null && f.field().equals(r.markColumn()));
            if (!known || r.markColumn().equals(t.key())) {
                p.add("reconcile.markColumn: with extras: mark, a target field other than the key (got " + r.markColumn() + ")");
            }
            if (r.markValue() == null) {
                p.add("reconcile.markValue: with extras: mark, the value that marks a row the source no longer has");
            }
        }
    }

    private static void checkSource(Scheme.Source src, List<String> p) {
        if (src.api() == null || src.api().isBlank()) {
            p.add("source.api: required (e.g. erp.warehouse.get)");
        }
        if (src.method() != null && !"POST".equals(src.method())) {
            p.add("source.method: only POST is spoken by the Jackyun gateway (got " + src.method() + ")");
        }
        if (src.id() == null || src.id().isBlank()) {
            p.add("source.id: required, the record field that identifies a record");
        }
        if (src.list() == null || src.list().isBlank()) {
            p.add("source.list: required, the path of the record list inside result.data");
        }
        if (src.pagination() == null || src.pagination().pageSize() == null || src.pagination().pageSize() < 1
                || src.pagination().pageSize() > 200) {
            p.add("source.pagination.pageSize: required, 1..200");
        }
        if (src.modified() != null && !FieldChecks.NAME.matcher(src.modified()).matches()) {
            p.add("source.modified: the record field of its modified time, a plain field name (got " + src.modified() + ")");
        }
        if (src.initialStart() != null && !src.initialStart().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            p.add("source.initialStart: must be yyyy-MM-dd HH:mm:ss (got " + src.initialStart() + ")");
        }
        Scheme.Quota quota = src.budget();
        if (quota.perDay() != null && quota.perDay() < 1 || quota.perMonth() != null && quota.perMonth() < 1) {
            p.add("source.quota: perDay and perMonth are calls, at least 1 (got " + quota.perDay() + ", " + quota.perMonth() + ")");
        }
        List<Scheme.RequestField> request = src.request() == null ? List.of() : src.request();
        boolean pages = false;
        for (int i = 0; i < request.size(); i++) {
            Scheme.RequestField f = request.get(i);
            String at = "source.request[" + i + "]";
            if (f.field() == null || f.field().isBlank()) {
                p.add(at + ".field: required");
            }
            if (f.type() != null && !Set.of("string", "int").contains(f.type())) {
                p.add(at + ".type: string or int (got " + f.type() + ")");
            }
            if (f.value() != null) {
                Matcher m = FieldValue.PLACEHOLDER.matcher(f.value());
                while (m.find()) {
                    if (!RUN_PLACEHOLDERS.contains(m.group(1))) {
                        p.add(at + ".value: placeholder {" + m.group(1) + "} names nothing; use one of " + RUN_PLACEHOLDERS);
                    }
                    pages |= "pageIndex".equals(m.group(1));
                }
            }
        }
        if (!pages && src.pagination() != null && src.pagination().isOffset()) {
            p.add("source.request: no field carries {pageIndex}, so the pager cannot page (or set pagination.mode to maxId"
                    + " or responseCursor)");
        }
        PagingChecks.check(src, p);
    }

    private static void checkTarget(Scheme.Target t, List<String> p) {
        if (t.table() == null || !FieldChecks.NAME.matcher(t.table()).matches()) {
            p.add("target.table: required, a plain table name (got " + t.table() + ")");
        }
        if (t.updateTime() != null && !FieldChecks.NAME.matcher(t.updateTime()).matches()) {
            p.add("target.updateTime: a plain column name (got " + t.updateTime() + ")");
        }
        Set<String> names = FieldChecks.checkFields("target", t.fields(), p);
        if (t.fields() != null && t.fields().stream().anyMatch(f -> f.value() != null && f.value().contains("{" + FieldValue.PARENT))) {
            p.add("target.fields: {^path} (the parent record's field) is for a child's fields only");
        }
        if (t.key() == null || !names.contains(t.key())) {
            p.add("target.key: required, one of the target fields (got " + t.key() + ")");
        }
        PagingChecks.checkChildren(t, p);
    }
}
