package io.jackyunsync.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The demo's statements, read from the class path's sql/ directory. */
final class DemoSql {

    private DemoSql() {
    }

    static String read(String file) throws IOException {
        try (InputStream in = DemoSql.class.getResourceAsStream("/sql/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
