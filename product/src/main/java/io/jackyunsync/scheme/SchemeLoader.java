package io.jackyunsync.scheme;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jackyunsync.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads every {@code *.yaml} of the schemes directory and checks each one, reporting every problem at once. */
public final class SchemeLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SchemeLoader.class);

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
                List<String> unknown = new ArrayList<>();
                Scheme scheme = YAML.readerFor(Scheme.class).withHandler(new UnknownKeys(unknown)).readValue(file.toFile());
                List<String> found = new ArrayList<>(unknown);
                found.addAll(SchemeChecks.check(scheme));
                found.forEach(p -> problems.add(file + ": " + p));
                if (found.isEmpty()) {
                    schemes.add(scheme);
                    SchemeChecks.warnings(scheme).forEach(w -> LOG.warn("{}: {}", file, w));
                }
            } catch (JsonProcessingException e) {
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

    /** Notes each unknown key with its path and reads on, so that one file's problems are all reported together. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final List<String> problems;

        UnknownKeys(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt,
                JsonParser p,
                JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            String at = path(p.getParsingContext().getParent());
            problems.add("unknown key '" + propertyName + "' at " + (at.isEmpty() ? "the top level" : at));
            p.skipChildren();
            return true;
        }

        private static String path(JsonStreamContext context) {
            StringBuilder sb = new StringBuilder();
            for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    sb.insert(0, "." + c.getCurrentName());
                } else if (c.inArray()) {
                    sb.insert(0, "[" + c.getCurrentIndex() + "]");
                }
            }
            return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
        }
    }
}
