package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the exchange properties the sync's routes and SQL files name are the ones RunProperties names for the
 * beans, and each of those is used by the routes: a name spelled differently on one side fails here, not in a run.
 */
class RunPropertiesTest {

    /** Properties of other flows (replay, reconcile), and Camel's own. */
    private static final Set<String> OTHERS = Set.of("replay", "letter", "scheme", "reconcile", "CamelExceptionCaught", "CamelLoopIndex");

    @Test
    void should_name_in_the_routes_only_the_properties_that_run_properties_names() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (var field : RunProperties.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        Set<String> used = new TreeSet<>();
        Pattern reference = Pattern.compile("exchangeProperty\\.(\\w+)|exchangeProperty\\[(\\w+)]");
        Pattern setter = Pattern.compile("(?:setProperty|removeProperty):\\s*\\n\\s*name: (\\w+)");
        for (Path file : files()) {
            String text = Files.readString(file);
            for (Pattern p : new Pattern[]{reference, setter}) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        used.removeAll(OTHERS);
        assertThat(used).isEqualTo(declared);
    }

    private static Path[] files() throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes"));
                Stream<Path> sql = Files.list(Path.of("product/src/main/resources/sql"))) {
            return Stream.concat(routes, sql).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".sql"))
                    .sorted().toArray(Path[]::new);
        }
    }
}
