package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.util.List;

/**
 * What an answer says about the read beyond its records: the next cursor (maxId: the page's largest id;
 * responseCursor: the value at {@code pagination.from} in result.data) and the read's total ({@code source.total}).
 * A full page whose cursor is missing is a bad answer, retried: it is not the end of the read.
 */
final class PageAnswer {

    private PageAnswer() {
    }

    static String next(Scheme.Source source, JackyunEnvelope envelope, List<JsonNode> records) {
        Scheme.Pagination p = source.pagination();
        if (p.isOffset()) {
            return null;
        }
        String next = Scheme.Pagination.MAX_ID.equals(p.mode())
                ? MaxIds.largest(records, p.from() == null ? source.id() : p.from())
                : text(at(envelope, p.from()));
        if (records.size() >= p.pageSize() && (next == null || next.isBlank())) {
            throw new JackyunException("NO_CURSOR", source.api() + ": a full page of " + records.size() + " records without "
                    + (Scheme.Pagination.MAX_ID.equals(p.mode())
                            ? "any " + (p.from() == null ? source.id() : p.from())
                            : "result.data." + p.from())
                    + " to go on from: not the end of the read, an answer that cannot be followed", true);
        }
        return next;
    }

    /** The read's total from its first answer; null when the scheme names none. */
    static Long total(Scheme.Source source, JackyunEnvelope envelope) {
        if (source.total() == null) {
            return null;
        }
        // an answer without result.data ("data": null) carries no count either: a read of the scheme's method is proven
        // whole by its total only (with hasTotal=1 every answer has one), so it is a bad answer, not an empty read
        JsonNode total = at(envelope, source.total());
        String text = total == null ? "" : total.isBigDecimal() ? total.decimalValue().toPlainString() : total.asText().trim();
        if (!text.matches("\\d{1,18}")) {
            throw new JackyunException("NO_TOTAL", source.api() + ": the answer has no count at result.data." + source.total()
                    + " although the scheme reads its total there (source.total)" + (total == null
                            ? ""
                            : ": got '"
                                    + OneLine.of(text, 40) + "'"),
                    true);
        }
        return Long.parseLong(text);
    }

    /**
     * Every record of the page carries its child tables' lists: a record without one is a broken answer (a projection or
     * a gateway that left the lines out), retried like one; it must not read as a record without lines, nor be rejected
     * as bad data and passed by (its order would stay as it was while the checkpoint moved on).
     */
    static void checkChildLists(CompiledScheme scheme, List<JsonNode> records) {
        for (ChildTable child : scheme.children()) {
            String list = child.child().list();
            for (JsonNode r : records) {
                JsonNode lines = r.get(list);
                if (lines == null || !lines.isArray()) {
                    throw new JackyunException("NO_LINES", scheme.scheme().source().api() + ": record " + scheme.mapper().sourceId(r)
                            + " came without its " + list + " list" + (lines == null || lines.isNull() ? "" : " (not a list)")
                            + ": its " + child.child().table() + " rows cannot be replaced without it", true);
                }
            }
        }
    }

    private static JsonNode at(JackyunEnvelope envelope, String path) {
        if (envelope.data() == null) {
            return null;
        }
        JsonNode n = envelope.data().at("/" + path.replace('.', '/'));
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.asText();
    }
}
