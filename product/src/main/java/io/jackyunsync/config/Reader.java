package io.jackyunsync.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.IOHelper;

/** Resolves keys at start-up and records problems; a problem names the key and the environment variable that sets it. */
public record Reader(PropertiesComponent pc, List<String> problems) {

    public Optional<String> optional(String key) {
        return pc.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A secret (or a value that may carry one) byte for byte, see {@link #raw}; blank counts as unset. */
    Optional<String> secret(String key) {
        return raw(key).filter(v -> !v.isBlank());
    }

    /**
     * The value as set, looked up in Camel's order (local, environment, system property, then the override
     * properties, the files and the initial properties) but not parsed: resolveProperty takes "{{...}}" in a value for
     * a placeholder (a secret holding "{{" comes back missing, or changed) and drops the backslash before "{{".
     */
    Optional<String> raw(String key) {
        Properties local = pc.getLocalProperties();
        String value = local != null ? local.getProperty(key) : null;
        if (value == null) {
            value = IOHelper.lookupEnvironmentVariable(key);
        }
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = pc.loadProperties(key::equals).getProperty(key);
        }
        return Optional.ofNullable(value);
    }

    <T> T required(String key, Function<String, T> parse) {
        return required(key, optional(key), parse);
    }

    <T> T requiredSecret(String key, Function<String, T> parse) {
        return required(key, secret(key), parse);
    }

    private <T> T required(String key, Optional<String> value, Function<String, T> parse) {
        if (value.isEmpty()) {
            problems.add(key + " (environment " + env(key) + ") is required but not set");
            return null;
        }
        try {
            return parse.apply(value.get());
        } catch (IllegalArgumentException e) {
            // the value itself is not echoed: the key may hold a secret
            problems.add(key + " (environment " + env(key) + ") is invalid: " + e.getMessage());
            return null;
        }
    }

    public long number(String key, long fallback, long min, long max) {
        Optional<String> value = optional(key);
        try {
            long v = value.map(Long::parseLong).orElse(fallback);
            if (v < min || v > max) {
                problems.add(key + " must be between " + min + " and " + max + " (got " + v + ")");
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number (got '" + value.orElse("") + "')");
            return fallback;
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = optional(key);
        if (value.isPresent() && !value.get().matches("true|false")) {
            problems.add(key + " must be true or false (got '" + value.get() + "')");
        }
        return value.map(Boolean::parseBoolean).orElse(fallback);
    }

    public static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How a settings record shows a secret in its toString: whether it is set, never what it is. */
    static String mask(Object secret) {
        return secret == null || secret.toString().isEmpty() ? "(unset)" : "(set)";
    }
}
