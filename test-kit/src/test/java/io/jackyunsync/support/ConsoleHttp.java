package io.jackyunsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP/1.1 requests to the Hawtio console, written on a socket so that every header (Host, Origin) is exactly
 * what the test says, as a browser or a rebound DNS name would send it.
 */
public final class ConsoleHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public ConsoleHttp(int port) {
        this.port = port;
    }

    /** The console's own origin, as its pages send it. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** A Jolokia request (one object, or a list for a bulk request) posted from the console's own page. */
    public JsonNode jolokia(Object request) throws IOException {
        Answer answer = send("POST", "/hawtio/jolokia", Map.of("Host", "127.0.0.1:" + port, "Origin", origin()),
                JSON.writeValueAsString(request));
        return JSON.readTree(answer.body());
    }

    /** A request with exactly these headers (Content-Length is added for a body). */
    public Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: text/plain\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Answer.parse(socket.getInputStream());
        }
    }

    /** The status, headers (names in lower case) and body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        static Answer parse(InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = end + 4;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                // ISO-8859-1 keeps one character per byte, so indexes in the text are indexes in the bytes
                for (int size;; at += size + 2) {
                    int lineEnd = all.indexOf("\r\n", at);
                    size = Integer.parseInt(all.substring(at, lineEnd).split(";")[0].trim(), 16);
                    at = lineEnd + 2;
                    if (size == 0) {
                        break;
                    }
                    body.write(bytes, at, size);
                }
            } else {
                body.write(bytes, at, bytes.length - at);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
        }
    }
}
