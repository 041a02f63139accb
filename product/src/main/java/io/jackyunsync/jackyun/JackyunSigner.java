package io.jackyunsync.jackyun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes the Jackyun request signature: lower-cased MD5 over secret + sorted name/value pairs + secret. */
public final class JackyunSigner {

    private static final Set<String> UNSIGNED = Set.of("sign", "contextid", "token");

    private JackyunSigner() {
    }

    public static String sign(Map<String, String> params, String secret) {
        StringBuilder text = new StringBuilder(secret);
        // TreeMap on String orders by UTF-16 code units, which for the ASCII parameter names is ASCII order
        new TreeMap<>(params).forEach((name, value) -> {
            if (!UNSIGNED.contains(name)) {
                text.append(name).append(value);
            }
        });
        text.append(secret);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest(text.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }
}
