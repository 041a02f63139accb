package io.jackyunsync.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A statement of {@code src/main/resources/sql/} read whole, for the beans that run it with JDBC. */
public final class SqlFile {

    private SqlFile() {
    }

    public static String read(String file) {
        try (InputStream in = SqlFile.class.getResourceAsStream("/sql/" + file)) {
            if (in == null) {
                throw new IllegalStateException("sql/" + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
