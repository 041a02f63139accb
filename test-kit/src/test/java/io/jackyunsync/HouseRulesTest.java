package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The habits of the house that no compiler checks, on the sources of every module (the formatter and the import order
 * are checked by Spotless in the build, the package map by {@link ArchitectureTest}): no main source file over 300
 * lines, no type named inline by its full name where an import would do, beans bound by annotated methods, tests named
 * by their subject.
 */
class HouseRulesTest {

    static final int MAX_LINES = 300;
    /** A type named by its package in code (not in a string, a comment or an import): {@code java.util.List<...>}. */
    static final Pattern INLINE_NAME = Pattern
            .compile("(?<![\\w.@\"])(?:java|javax|jakarta|org|com|io|ch)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");
    static final Pattern REGISTRY_BIND = Pattern.compile("(?:[Rr]egistry\\(\\)|\\b[Rr]egistry)\\.bind\\(");
    static final Pattern HISTORY = Pattern.compile("(?i).*(issue\\d|review|round\\d|second|third|again|fix).*");

    /** The repository root: the test kit's module directory is where Surefire runs. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("product")) ? here : here.getParent();
    }

    static List<Path> sources(String... dirs) {
        List<Path> files = new ArrayList<>();
        for (String dir : dirs) {
            Path d = root().resolve(dir);
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("sources under " + List.of(dirs)).hasSizeGreaterThan(10);
        return files;
    }

    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noMainSourceFileIsOver300Lines() {
        List<String> over = new ArrayList<>();
        for (Path p : sources("product/src/main/java", "test-kit/src/main/java", "bench/src/main/java")) {
            int n = lines(p).size();
            if (n > MAX_LINES) {
                over.add(root().relativize(p) + ": " + n + " lines");
            }
        }
        assertThat(over).as("main source files over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void noTypeIsNamedInlineByItsPackage() {
        List<String> found = new ArrayList<>();
        for (Path p : sources("product/src/main/java", "test-kit/src/main/java", "bench/src/main/java", "test-kit/src/test/java")) {
            List<String> lines = lines(p);
            for (int i = 0; i < lines.size(); i++) {
                String code = code(lines.get(i));
                if (INLINE_NAME.matcher(code).find()) {
                    found.add(root().relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(found).as("inline fully-qualified names (import the type)").isEmpty();
    }

    /**
     * Every fixed bean name the routes use is a {@code @BindToRegistry} method of an area's wiring class; the one class that
     * binds by a computed name is {@code SchemeRoutes} (a scheme's statements and child steps, named after the scheme).
     */
    @Test
    void beansAreBoundByAnnotatedMethods() {
        List<String> found = new ArrayList<>();
        for (Path p : sources("product/src/main/java")) {
            if (p.getFileName().toString().equals("SchemeRoutes.java")) {
                continue;
            }
            List<String> lines = lines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (REGISTRY_BIND.matcher(code(lines.get(i))).find()) {
                    found.add(root().relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(found).as("beans bound by a registry call (make it a @BindToRegistry method)").isEmpty();
    }

    @Test
    void testsAreNamedByTheirSubject() {
        List<String> named = new ArrayList<>();
        for (Path p : sources("test-kit/src/test/java")) {
            String name = p.getFileName().toString().replace(".java", "");
            if ((name.endsWith("Test") || name.endsWith("IT")) && HISTORY.matcher(name).matches()) {
                named.add(name);
            }
        }
        assertThat(named).as("tests named after their history, not their subject").isEmpty();
    }

    @Test
    void theRuleSeesWhatItLooksFor() {
        assertThat(INLINE_NAME.matcher(code("        java.util.List<String> rows = new java.util.ArrayList<>();")).find()).isTrue();
        assertThat(INLINE_NAME.matcher(code("import java.util.List;")).find()).isFalse();
        assertThat(INLINE_NAME.matcher(code("    exec(\"requestBody(java.lang.String)\", x); // see java.util.List")).find()).isFalse();
        assertThat(HISTORY.matcher("HostileReviewIssue15Test").matches()).isTrue();
        assertThat(REGISTRY_BIND.matcher(code("        context.getRegistry().bind(\"pacer\", pacer);")).find()).isTrue();
        assertThat(REGISTRY_BIND.matcher(code("        registry.bind(\"x\", x);")).find()).isTrue();
        assertThat(REGISTRY_BIND.matcher(code("        Beans.bind(context, new RunWiring());")).find()).isFalse();
        assertThat(HISTORY.matcher("OffsetPagerTest").matches()).isFalse();
    }

    /** A line's code: without its string literals, its comment, and nothing at all for an import, package or comment line. */
    static String code(String line) {
        String s = line.trim();
        if (s.startsWith("import ") || s.startsWith("package ") || s.startsWith("*") || s.startsWith("//") || s.startsWith("/*")) {
            return "";
        }
        String noStrings = s.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
        int comment = noStrings.indexOf("//");
        return comment < 0 ? noStrings : noStrings.substring(0, comment);
    }
}
