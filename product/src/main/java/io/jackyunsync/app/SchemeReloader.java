package io.jackyunsync.app;

import io.jackyunsync.config.ConfigException;
import io.jackyunsync.db.TargetCheck;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live reload of schemes (a development switch, {@code sync.schemes-reload}): before a run, if a file of the schemes
 * directory changed, the files are read and checked again, targets included; a valid set replaces the running
 * schemes, an invalid one is reported and the running schemes stay.
 */
public final class SchemeReloader {

    private static final Logger LOG = LoggerFactory.getLogger(SchemeReloader.class);

    private final Path dir;
    private final Map<String, CompiledScheme> schemes;
    private final Predicate<Scheme> enabled;
    private final UnaryOperator<Scheme> configured;
    private final DataSource dataSource;
    private final Consumer<CompiledScheme> reloaded;
    private String signature;

    /**
     * {@code configured}: a scheme as read, with the start-up options over its file's (its initial start);
     * {@code reloaded}: told of each scheme that replaced a running one (its write routes are made again).
     */
    public SchemeReloader(Path dir, Map<String, CompiledScheme> schemes, Predicate<Scheme> enabled,
            UnaryOperator<Scheme> configured, DataSource dataSource, Consumer<CompiledScheme> reloaded) {
        this.dir = dir;
        this.schemes = schemes;
        this.enabled = enabled;
        this.configured = configured;
        this.dataSource = dataSource;
        this.reloaded = reloaded;
        this.signature = signature();
    }

    public synchronized void reloadIfChanged() {
        String now = signature();
        if (now.equals(signature)) {
            return;
        }
        signature = now;
        try {
            List<CompiledScheme> loaded = SchemeLoader.load(dir).stream().filter(enabled).map(configured)
                    .map(CompiledScheme::of).toList();
            List<String> problems = TargetCheck.check(dataSource, loaded);
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            for (CompiledScheme s : loaded) {
                schemes.put(s.name(), s);
                reloaded.accept(s);
            }
            LOG.info("Schemes reloaded from {}: {}", dir, loaded.stream().map(CompiledScheme::name).toList());
        } catch (ConfigException e) {
            LOG.error("Schemes in {} changed but were not reloaded; the running ones stay. {}", dir, e.getMessage());
        } catch (Exception e) {
            LOG.error("Schemes in {} changed but could not be checked ({}); the running ones stay", dir, e.getMessage());
        }
    }

    private String signature() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try {
                    return p.getFileName() + ":" + Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p);
                } catch (IOException e) {
                    return p.getFileName() + ":?";
                }
            }).collect(Collectors.joining(","));
        } catch (IOException e) {
            return "";
        }
    }
}
