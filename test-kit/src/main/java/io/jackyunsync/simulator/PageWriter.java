package io.jackyunsync.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a success envelope with a streaming generator, record by record, so that serving a page of a large data set
 * builds no tree; {@code result.data} can be sent as a JSON string, as some methods do.
 */
final class PageWriter {

    /** Writes the fields of {@code result.data} (the generator is inside its object). */
    interface Data {
        void write(JsonGenerator g) throws IOException;
    }

    /** A page served: the envelope's bytes and the id of its first record (null when empty), for the moving-data fault. */
    record Page(byte[] json, String firstId) {
    }

    private PageWriter() {
    }

    static byte[] success(String subCode, boolean dataAsString, String topScrollId, Data data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = JackyunEnvelope.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("code", 200);
            g.writeStringField("msg", "success");
            g.writeStringField("subCode", subCode);
            if (topScrollId != null) {
                g.writeStringField("scrollId", topScrollId);
            }
            g.writeObjectFieldStart("result");
            g.writeFieldName("data");
            if (dataAsString) {
                g.writeString(new String(object(data), StandardCharsets.UTF_8));
            } else {
                g.writeStartObject();
                data.write(g);
                g.writeEndObject();
            }
            g.writeStringField("contextId", UUID.randomUUID().toString());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static byte[] object(Data data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = JackyunEnvelope.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            data.write(g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
