package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The proof that an answer kept to the window it was asked for: every record's modified time ({@code source.modified})
 * lies in it, give or take a tolerance (the overlap and a second). A method that ignores its window fields (misspelt,
 * dropped) would make every run a full read; its first page says so, naming the scheme's window fields.
 */
final class WindowCheck {

    private WindowCheck() {
    }

    /** The first record outside [start, end] ± tolerance, in words; null when there is none or no window was asked. */
    static String outside(CompiledScheme scheme, String start, String end, Duration tolerance, List<JsonNode> records) {
        String field = scheme.scheme().source().modified();
        if (field == null || start == null || end == null) {
            return null;
        }
        long from = BeijingTime.parse(start).minus(tolerance).toEpochMilli();
        long until = BeijingTime.parse(end).plus(tolerance).toEpochMilli();
        for (JsonNode record : records) {
            long modified = RecordVersion.modifiedMillis(record, field);
            if (modified != RecordVersion.UNKNOWN && (modified < from || modified > until)) {
                Scheme.Source source = scheme.scheme().source();
                return source.api() + " answered record " + scheme.mapper().sourceId(record) + " with " + field + " "
                        + BeijingTime.format(Instant.ofEpochMilli(modified)) + ", outside the window [" + start + ", " + end
                        + "] it was asked for (give or take " + tolerance.toSeconds() + " s): the method ignores the scheme's window"
                        + " fields " + windowFields(source) + " (misspelt, or not taken by the method?); every run would read the"
                        + " whole source; the checkpoint stays";
            }
        }
        return null;
    }

    private static String windowFields(Scheme.Source source) {
        return source.request().stream().filter(f -> f.value() != null && (f.value().contains("{windowStart}")
                || f.value().contains("{windowEnd}"))).map(Scheme.RequestField::field).toList().toString();
    }
}
