package io.jackyunsync.scheme;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the scheme vocabulary of paging modes, window slicing, partitions, totals and child tables. */
final class PagingChecks {

    static final Set<String> MODES = Set.of(Scheme.Pagination.OFFSET, Scheme.Pagination.MAX_ID, Scheme.Pagination.RESPONSE_CURSOR);

    private PagingChecks() {
    }

    static void check(Scheme.Source src, List<String> p) {
        Scheme.Pagination pg = src.pagination();
        if (pg != null) {
            if (!MODES.contains(pg.pagingMode())) {
                p.add("source.pagination.mode: one of " + MODES + " (got " + pg.mode() + ")");
            } else if (!pg.isOffset() && (pg.cursor() == null || pg.cursor().isBlank())) {
                p.add("source.pagination.cursor: required with mode " + pg.mode() + ": the request field that carries the cursor");
            }
            if (Scheme.Pagination.RESPONSE_CURSOR.equals(pg.mode()) && (pg.from() == null || pg.from().isBlank())) {
                p.add("source.pagination.from: required with mode responseCursor: the path in result.data of the next cursor"
                        + " (e.g. scrollId)");
            }
            if (pg.isOffset() && (pg.cursor() != null || pg.from() != null || pg.start() != null)) {
                p.add("source.pagination: cursor, from and start belong to mode maxId or responseCursor, not offset");
            }
        }
        if (src.window() != null) {
            try {
                Duration span = src.window().span();
                if (span == null || span.isNegative() || span.compareTo(Duration.ofMinutes(1)) < 0) {
                    p.add("source.window.maxSpan: required, a duration of a minute or more (e.g. P7D)");
                }
            } catch (DateTimeParseException e) {
                p.add("source.window.maxSpan: not an ISO-8601 duration (e.g. P7D, PT12H): " + src.window().maxSpan());
            }
        }
        if (src.partitions() != null) {
            if (src.partitions().field() == null || src.partitions().field().isBlank()) {
                p.add("source.partitions.field: required, the request field whose values split the source (e.g. isTableSwitch)");
            }
            List<Object> values = src.partitions().values();
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.toString().isBlank())
                    || new HashSet<>(values).size() != values.size()) {
                p.add("source.partitions.values: required, distinct values, each read once per slice (e.g. [1, 2])");
            }
        }
        if (src.total() != null && src.total().isBlank()) {
            p.add("source.total: the path in result.data of the number of records in the window (e.g. totalResults)");
        }
    }

    static void checkChildren(Scheme.Target t, List<String> p) {
        Set<String> tables = new HashSet<>();
        tables.add(t.table());
        List<Scheme.Child> children = t.childTables();
        for (int i = 0; i < children.size(); i++) {
            Scheme.Child c = children.get(i);
            String at = "target.children[" + i + "]";
            if (c.list() == null || c.list().isBlank()) {
                p.add(at + ".list: required, the record's nested array that holds the rows (e.g. goodsDetail)");
            }
            if (c.id() == null || c.id().isBlank()) {
                p.add(at + ".id: required, the element field that identifies a row (e.g. subTradeId)");
            }
            if (c.table() == null || !FieldChecks.NAME.matcher(c.table()).matches() || !tables.add(c.table())) {
                p.add(at + ".table: required, a plain table name other than the target's and the other children's (got "
                        + c.table() + ")");
            }
            Set<String> names = FieldChecks.checkFields(at, c.fields(), p);
            if (c.key() == null || !names.contains(c.key())) {
                p.add(at + ".key: required, one of the child's fields (got " + c.key() + ")");
            }
            if (c.parentKey() == null || !FieldChecks.NAME.matcher(c.parentKey()).matches() || names.contains(c.parentKey())) {
                p.add(at + ".parentKey: required, the column that carries the parent's key, filled by the sync and so not one"
                        + " of the child's fields (got " + c.parentKey() + ")");
            }
            if (c.fields() != null && c.fields().stream().anyMatch(f -> f.value() != null && FieldValue.isFunction(f.value()))) {
                p.add(at + ".fields: a child's value cannot be a _function");
            }
            if (c.fields() != null && c.fields().stream().anyMatch(f -> f.value() != null && f.value().contains("{" + FieldValue.PARENT)
                    && FieldValue.of(f.value()).kind != FieldValue.Kind.PATH)) {
                p.add(at + ".fields: {^path} (the parent record's field) must be the whole value, not part of a text");
            }
        }
    }
}
