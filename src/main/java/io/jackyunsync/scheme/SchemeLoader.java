package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jackyunsync.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.yaml} of the schemes directory and checks each one, reporting every problem at once. */
public final class SchemeLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SchemeLoader() {
    }

    public static List<Scheme> load(Path dir) {
        List<String> problems = new ArrayList<>();
        List<Scheme> schemes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(List.of("sync.schemes-dir: cannot read the schemes directory " + dir.toAbsolutePath()));
        }
        for (Path file : files) {
            try {
                Scheme scheme = YAML.readValue(file.toFile(), Scheme.class);
                List<String> found = SchemeChecks.check(scheme);
                found.forEach(p -> problems.add(file + ": " + p));
                if (found.isEmpty()) {
                    schemes.add(scheme);
                }
            } catch (UnrecognizedPropertyException e) {
                problems.add(file + ": unknown key '" + e.getPropertyName() + "' at " + path(e));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add(file + ": " + e.getOriginalMessage() + " at " + e.getLocation().offsetDescription());
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            problems.add("sync.schemes-dir: no *.yaml scheme in " + dir.toAbsolutePath());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return schemes;
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder sb = new StringBuilder();
        e.getPath().forEach(ref -> sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return sb.length() == 0 ? "the top level" : sb.substring(1);
    }
}
