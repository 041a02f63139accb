package io.jackyunsync.app;

import io.jackyunsync.config.Reader;

import io.jackyunsync.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The switches sync.&lt;scheme&gt;.enabled (SYNC_&lt;SCHEME&gt;_ENABLED): none may name a scheme that does not exist (a
 * typo would leave the scheme off, or run one that should not); each value is checked with the scheme's settings.
 */
public final class SchemeSwitches {

    /** sync.&lt;name&gt;.enabled keys that are the app's own switches, not a scheme's. */
    static final Set<String> APP_SWITCHES = Set.of("schedule", "cluster");

    private static final Pattern KEY = Pattern.compile("sync\\.([a-z0-9_-]+)\\.enabled");
    private static final Pattern ENV = Pattern.compile("SYNC_([A-Z0-9_]+)_ENABLED");

    private SchemeSwitches() {
    }

    /** Adds a problem for each switch naming no scheme in {@code schemes} (SchemeSettings checks each value). */
    static void check(PropertiesComponent pc, List<Scheme> schemes, Map<String, String> environment, List<String> problems) {
        Set<String> known = new TreeSet<>(APP_SWITCHES);
        schemes.forEach(s -> known.add(s.name()));
        Set<String> knownEnv = new TreeSet<>();
        known.forEach(name -> knownEnv.add(env(name)));
        List<String> names = schemes.stream().map(Scheme::name).toList();
        String hint = "names no scheme (the schemes are " + (names.isEmpty() ? "none" : String.join(", ", names))
                + "; a scheme's switch is SYNC_<NAME>_ENABLED, its name in upper case with '-' as '_')";
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (ENV.matcher(variable).matches() && !knownEnv.contains(variable)) {
                problems.add(variable + " " + hint);
            }
        }
        List<String> keys = new ArrayList<>(pc.loadProperties(k -> KEY.matcher(k).matches()).stringPropertyNames());
        System.getProperties().stringPropertyNames().stream().filter(k -> KEY.matcher(k).matches()).forEach(keys::add);
        for (String key : new TreeSet<>(keys)) {
            Matcher m = KEY.matcher(key);
            if (m.matches() && !known.contains(m.group(1))) {
                problems.add(key + " " + hint);
            }
        }
    }

    static String key(String scheme) {
        return "sync." + scheme + ".enabled";
    }

    public static String env(String scheme) {
        return Reader.env(key(scheme));
    }
}
