package io.jackyunsync.app;

import io.jackyunsync.config.ConfigException;
import io.jackyunsync.config.Reader;
import io.jackyunsync.config.SchemeSettings;
import io.jackyunsync.config.Settings;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Every option and every scheme with its own options, read once at start-up and checked together: one
 * {@link ConfigException} names every problem. Nothing reads the properties after this.
 */
record StartupOptions(Settings settings, List<Scheme> schemes, Map<String, SchemeSettings> perScheme) {

    static StartupOptions read(PropertiesComponent pc) {
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.read(pc, problems);
        List<Scheme> schemes = List.of();
        try {
            schemes = SchemeLoader.load(settings.run().schemesDir());
            SchemeSwitches.check(pc, schemes, System.getenv(), problems);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Reader reader = new Reader(pc, problems);
        Map<String, SchemeSettings> perScheme = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            perScheme.put(s.name(), SchemeSettings.read(reader, s.name(), s.isEnabled(), s.schedule(),
                    settings.jackyun().accountNames()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new StartupOptions(settings, schemes, perScheme);
    }

    /** The enabled schemes, compiled, in file order; a live reload replaces entries, so the map is synchronized. */
    Map<String, CompiledScheme> enabledSchemes() {
        Map<String, CompiledScheme> enabled = Collections.synchronizedMap(new LinkedHashMap<>());
        schemes.stream().filter(this::enabled).forEach(s -> enabled.put(s.name(), CompiledScheme.of(configured(s))));
        return enabled;
    }

    /** The scheme with its options over the file's (initial start, quota); a scheme new since start-up as its file says. */
    Scheme configured(Scheme s) {
        SchemeSettings options = perScheme.get(s.name());
        return options == null ? s : s.withOptions(options.initialStart(), options.quotaPerDay(), options.quotaPerMonth());
    }

    /** A scheme runs when its file says so, unless its switch said otherwise at start-up (a scheme new since: its file). */
    boolean enabled(Scheme s) {
        SchemeSettings options = perScheme.get(s.name());
        return options != null && options.switched() != null ? options.switched() : s.isEnabled();
    }

    /** The accounts a scheme runs for (sync.&lt;scheme&gt;.accounts, else every account); a scheme new since start-up: all. */
    List<String> accountsOf(String scheme) {
        SchemeSettings options = perScheme.get(scheme);
        return options == null ? settings.jackyun().accountNames() : options.accounts();
    }

    /** The enabled schemes' crons, in file order. */
    Map<String, String> crons() {
        Map<String, String> crons = new LinkedHashMap<>();
        perScheme.values().stream().filter(SchemeSettings::enabled).forEach(s -> crons.put(s.name(), s.cron()));
        return crons;
    }

    /** The enabled schemes that have a scheduled reconciliation, with its cron. */
    Map<String, String> reconcileCrons() {
        Map<String, String> crons = new LinkedHashMap<>();
        perScheme.values().stream().filter(s -> s.reconcileCron() != null).forEach(s -> crons.put(s.name(), s.reconcileCron()));
        return crons;
    }

    /** The schemes whose reconciliation extras policy is set over the file's. */
    Map<String, String> reconcileExtras() {
        Map<String, String> extras = new LinkedHashMap<>();
        perScheme.values().stream().filter(s -> s.reconcileExtras() != null).forEach(s -> extras.put(s.name(), s.reconcileExtras()));
        return extras;
    }
}
