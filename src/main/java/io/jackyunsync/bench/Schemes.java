package io.jackyunsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of schemes/warehouse.yaml with another page size, in a directory of its own. */
final class Schemes {

    private Schemes() {
    }

    static Path withPageSize(int pageSize) throws java.io.IOException {
        String yaml = Files.readString(Path.of("schemes", "warehouse.yaml"));
        String changed = yaml.replaceFirst("pageSize: \\d+", "pageSize: " + pageSize);
        if (changed.equals(yaml) && !yaml.contains("pageSize: " + pageSize)) {
            throw new IllegalStateException("schemes/warehouse.yaml has no pagination.pageSize to change");
        }
        Path dir = Files.createTempDirectory("bench-schemes-" + pageSize);
        Files.writeString(dir.resolve("warehouse.yaml"), changed);
        return dir;
    }
}
