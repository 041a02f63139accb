package io.jackyunsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of schemes/warehouse.yaml (or of another scheme) with another page size, in a directory of its own. */
final class Schemes {

    private Schemes() {
    }

    static Path withPageSize(int pageSize) throws IOException {
        return withPageSize("warehouse", pageSize);
    }

    /** schemes/{@code scheme}.yaml alone in a directory, at {@code pageSize}. */
    static Path withPageSize(String scheme, int pageSize) throws IOException {
        String yaml = Files.readString(Path.of("schemes", scheme + ".yaml"));
        String changed = yaml.replaceFirst("pageSize: \\d+", "pageSize: " + pageSize);
        if (changed.equals(yaml) && !yaml.contains("pageSize: " + pageSize)) {
            throw new IllegalStateException("schemes/" + scheme + ".yaml has no pagination.pageSize to change");
        }
        Path dir = Files.createTempDirectory("bench-schemes-" + scheme + "-" + pageSize);
        Files.writeString(dir.resolve(scheme + ".yaml"), changed);
        return dir;
    }
}
