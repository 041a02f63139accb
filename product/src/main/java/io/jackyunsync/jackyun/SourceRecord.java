package io.jackyunsync.jackyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One record of a page, holding only the fields a scheme reads, and the bytes the gateway sent for the whole record
 * (a slice of the page, decoded only when the record is rejected and kept with its reason).
 */
public final class SourceRecord extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final transient byte[] page;
    private final int from;
    private int to;

    SourceRecord(byte[] page, int from) {
        super(JsonNodeFactory.instance);
        this.page = page;
        this.from = from;
    }

    void end(int to) {
        this.to = to;
    }

    /** The record as the gateway sent it, every field included. */
    public String raw() {
        return new String(page, from, to - from, StandardCharsets.UTF_8);
    }

    /** The record as the gateway sent it: the raw bytes of a projected record, the JSON of any other node. */
    public static String raw(JsonNode record) {
        return record instanceof SourceRecord s ? s.raw() : record.toString();
    }
}
