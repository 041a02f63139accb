package io.jackyunsync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.scheme.Scheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two halves of a page of a scheme's source around its call: the bizcontent from the scheme's request fields, and the list read from the answer. */
public final class PageCodec {

    /** The sub-code of a success answer without result.data: a bad body, retried, and a suspect page of its run. */
    public static final String NO_DATA = "NO_DATA";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private PageCodec() {
    }

    /** The exact bizcontent JSON for one page: request fields in scheme order; fields without a value are not sent. */
    static String bizcontent(Scheme.Source source, Map<String, String> run) {
        ObjectNode biz = JsonNodeFactory.instance.objectNode();
        for (Scheme.RequestField f : source.request()) {
            if (f.value() == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(f.value());
            StringBuilder value = new StringBuilder();
            boolean unset = false;
            while (m.find()) {
                String v = run.get(m.group(1));
                unset |= v == null;
                m.appendReplacement(value, Matcher.quoteReplacement(v == null ? "" : v));
            }
            m.appendTail(value);
            if (unset) {
                continue; // a placeholder without a value (a reconciliation has no window): the field is not sent
            }
            if ("int".equals(f.type())) {
                biz.put(f.field(), Long.parseLong(value.toString()));
            } else {
                biz.put(f.field(), value.toString());
            }
        }
        return biz.toString();
    }

    /** The bizcontent of one page of the window. */
    public static String pageRequest(Scheme.Source source, int pageIndex, String windowStart, String windowEnd) {
        return pageRequest(source, pageIndex, windowStart, windowEnd, null, null, null);
    }

    /**
     * The bizcontent of one page of a read: its slice of the window, the cursor in the field {@code pagination.cursor}
     * (cursor modes: pageIndex stays 0), and the partition's value in its field.
     */
    static String pageRequest(Scheme.Source source, int pageIndex, String windowStart, String windowEnd, String cursor,
            String partitionField, Object partitionValue) {
        Map<String, String> run = new HashMap<>();
        run.put("pageIndex", Integer.toString(source.pagination().isOffset() ? pageIndex : 0));
        run.put("pageSize", Integer.toString(source.pagination().pageSize()));
        run.put("windowStart", windowStart);
        run.put("windowEnd", windowEnd);
        String biz = bizcontent(source, run);
        if (source.pagination().isOffset() && partitionField == null) {
            return biz;
        }
        ObjectNode node = (ObjectNode) readTree(biz);
        if (!source.pagination().isOffset()) {
            node.put(source.pagination().cursor(), cursor == null ? "" : cursor);
        }
        if (partitionField != null) {
            node.set(partitionField, JackyunEnvelope.JSON.valueToTree(partitionValue));
        }
        return node.toString();
    }

    /**
     * The bizcontent that asks whether any record was modified after the window's end: one such record means data may
     * have moved while the window was paged. One call for one record, with the scheme's probe fields added.
     */
    public static String probeRequest(Scheme.Source source, String after, String until) {
        return probeRequest(source, after, until, null, null);
    }

    /** The same in one partition of the source. */
    static String probeRequest(Scheme.Source source, String after, String until, String partitionField, Object partitionValue) {
        ObjectNode biz = (ObjectNode) readTree(bizcontent(source, Map.of("pageIndex", "0", "pageSize", "1",
                "windowStart", after, "windowEnd", until)));
        if (partitionField != null) {
            biz.set(partitionField, JackyunEnvelope.JSON.valueToTree(partitionValue));
        }
        if (source.probe() != null) {
            source.probe().forEach((k, v) -> biz.set(k, JackyunEnvelope.JSON.valueToTree(v)));
        }
        biz.put(firstFieldWith(source, "{pageSize}"), 1);
        return biz.toString();
    }

    private static String firstFieldWith(Scheme.Source source, String placeholder) {
        return source.request().stream().filter(f -> placeholder.equals(f.value())).map(Scheme.RequestField::field)
                .findFirst().orElse("pageSize");
    }

    private static JsonNode readTree(String json) {
        try {
            return JackyunEnvelope.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of a page's answer; an answer without its list is a bad answer (retried), never an empty page. */
    public static List<JsonNode> records(Scheme.Source source, JackyunEnvelope envelope) {
        if (!envelope.answered()) {
            // a success without result.data says nothing about the page: not an end of the data, a bad answer
            throw new JackyunException(NO_DATA, source.api() + ": a success answer without result.data (its records are"
                    + " missing, not empty)", true);
        }
        JsonNode list = envelope.data() == null ? null : envelope.data().at("/" + source.list().replace('.', '/'));
        if (list != null && list.isMissingNode()) {
            // result.data came, but without its list: an API change or a broken answer, never an empty page
            // (the gateway sends an empty one as "data": null or as an empty list)
            throw new JackyunException(NO_DATA, source.api() + ": a success answer whose result.data has no " + source.list()
                    + " (its records are missing, not empty)", true);
        }
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new JackyunException("BAD_BODY", source.api() + ": result.data." + source.list() + " is not a list", false);
        }
        List<JsonNode> records = new ArrayList<>(list.size());
        list.forEach(records::add);
        return records;
    }
}
