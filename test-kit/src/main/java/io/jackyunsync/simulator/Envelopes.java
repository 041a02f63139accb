package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The gateway's answers: the success and error envelopes, a warehouse page written from each record's JSON, the HTTP reply. */
final class Envelopes {

    private static final byte[] PAGE_HEAD = "{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":{\"warehouseInfo\":["
            .getBytes(StandardCharsets.US_ASCII);

    private Envelopes() {
    }

    /** The success envelope of a warehouse page, from each record's JSON made once (serving costs little CPU). */
    static byte[] warehousePage(List<SimWarehouse> page, SimulatorFaults f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 600 * page.size());
        out.write(PAGE_HEAD);
        for (int i = 0; i < page.size(); i++) {
            SimWarehouse w = page.get(i);
            if (i > 0) {
                out.write(',');
            }
            out.write(f.badEvery() > 0 && WarehouseDataSet.isBad(w, f.badEvery())
                    ? JackyunEnvelope.JSON.writeValueAsBytes(WarehouseDataSet.broken(w))
                    : w.jsonBytes());
        }
        out.write(("]},\"contextId\":\"" + UUID.randomUUID() + "\"}}").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static ObjectNode success(String listName, ArrayNode list) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("code", 200);
        root.put("msg", "success");
        root.put("subCode", "");
        ObjectNode result = root.putObject("result");
        result.putObject("data").set(listName, list);
        result.put("contextId", UUID.randomUUID().toString());
        return root;
    }

    static ObjectNode error(String subCode, String msg) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("code", 0);
        root.put("msg", msg);
        root.put("subCode", subCode);
        root.putNull("result");
        return root;
    }

    static byte[] errorBytes(String subCode, String msg) throws IOException {
        return JackyunEnvelope.JSON.writeValueAsBytes(error(subCode, msg));
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
