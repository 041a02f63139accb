package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.scheme.Scheme;
import java.util.List;

/**
 * What an answer says about the read beyond its records: the next cursor (maxId: the page's largest id;
 * responseCursor: the value at {@code pagination.from} in result.data) and the read's total ({@code source.total}).
 * A full page whose cursor is missing is a bad answer, retried: it is not the end of the read.
 */
final class PageCursors {

    private PageCursors() {
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
                    + (Scheme.Pagination.MAX_ID.equals(p.mode()) ? "any " + (p.from() == null ? source.id() : p.from())
                    : "result.data." + p.from()) + " to go on from: not the end of the read, an answer that cannot be followed", true);
        }
        return next;
    }

    /** The read's total from its first answer; null when the scheme names none. */
    static Long total(Scheme.Source source, JackyunEnvelope envelope) {
        if (source.total() == null || envelope.data() == null) {
            return null;   // an empty answer ("data": null) has no records to fall short of a total
        }
        JsonNode total = at(envelope, source.total());
        String text = total == null ? "" : total.isBigDecimal() ? total.decimalValue().toPlainString() : total.asText().trim();
        if (!text.matches("\\d{1,18}")) {
            throw new JackyunException("NO_TOTAL", source.api() + ": the answer has no count at result.data." + source.total()
                    + " although the scheme reads its total there (source.total)" + (total == null ? "" : ": got '"
                    + io.jackyunsync.jackyun.OneLine.of(text, 40) + "'"), true);
        }
        return Long.parseLong(text);
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
