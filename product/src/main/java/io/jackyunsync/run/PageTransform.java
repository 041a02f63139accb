package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.jackyun.SourceRecord;
import io.jackyunsync.scheme.ChildRows;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.scheme.RowAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split/transform step of a page, in one call (no exchange per record: see docs/performance.md): the scheme's
 * mapping and rules turn each record into a row (with its lines) or a reject, then idCheck with versions
 * ({@link RunVersions}: by the key as written, the record's modified time and a hash of what is written) keeps the newest
 * copy of a record the run meets twice and drops an older or the same one; two records of the page that share a line
 * are both rejected ({@link ChildRows#rejectSharedLines}).
 */
public final class PageTransform {

    private static final Logger LOG = LoggerFactory.getLogger(PageTransform.class);

    /**
     * The page's rows for the batches; its rejects go to the property {@link RunProperties#PAGE_REJECTS}. When a row is
     * a newer copy of one an earlier page brought, {@link RunProperties#PAGE_SUPERSEDES} is set: the batches before it
     * are written first, so that no writer puts the older copy over it.
     */
    public List<Map<String, Object>> idCheckMapAndValidate(@ExchangeProperty(RunProperties.RUN) SyncRun run,
            @Body List<JsonNode> records, Exchange exchange) {
        var mapper = run.compiled().mapper();
        String modifiedField = run.compiled().scheme().source().modified();
        List<MappedRecord> mapped = new ArrayList<>(records.size());
        List<JsonNode> kept = new ArrayList<>(records.size());
        boolean supersedes = false;
        String key = run.compiled().scheme().target().key();
        for (JsonNode record : records) {
            String id = mapper.sourceId(record);
            MappedRecord m = ChildRows.attach(run.compiled(), record, mapper.map(record));
            long modified = id.isBlank() ? RecordVersion.UNKNOWN : RecordVersion.modifiedMillis(record, modifiedField);
            if (!id.isBlank() && !m.isRejected() && modifiedField != null && modified == RecordVersion.UNKNOWN) {
                m = MappedRecord.ofRejection(id, "modified", modifiedField + " is missing or not a time ("
                        + OneLine.of(String.valueOf(record.get(modifiedField)), 64) + "): the record's version cannot be told, nor"
                        + " whether it lies in the window asked for", SourceRecord.raw(record));
            }
            // a record without an id is rejected each time; a rejected copy does not stand for its record (a good copy
            // later in the run is still taken), and the same rejected copy again (a slice's boundary second) is one reject
            RunVersions.Verdict verdict = id.isBlank()
                    ? RunVersions.Verdict.NEW
                    : m.isRejected()
                            ? run.rejectedVersions.offer(id, modified, record.hashCode())
                            : run.versions.offer(id, modified, ContentHash.of(m.row()));
            if (!take(run, m, verdict, mapped, kept, modifiedField, record)) {
                continue;
            }
            supersedes |= verdict == RunVersions.Verdict.NEWER && !m.isRejected() && !dropEarlier(mapped, kept, key, m.row().get(key));
            mapped.add(m);
            kept.add(record);
        }
        List<Map<String, Object>> rows = new ArrayList<>(mapped.size());
        List<MappedRecord> rejects = new ArrayList<>(0);
        for (MappedRecord m : ChildRows.rejectSharedLines(run.compiled(), mapped, kept)) {
            if (m.isRejected()) {
                run.counts.rejected.incrementAndGet();
                LOG.warn("{} record {} rejected ({}): {}", run.getScheme(), m.sourceId(), m.rule(), m.reason());
                rejects.add(m);
            } else {
                RowAccount.stamp(m.row(), run.getAccount());
                rows.add(m.row());
            }
        }
        exchange.setProperty(RunProperties.PAGE_REJECTS, rejects);
        exchange.setProperty(RunProperties.PAGE_SUPERSEDES, supersedes);
        return rows;
    }

    /** Counts what idCheck said of a copy; false when the copy is dropped. */
    private static boolean take(SyncRun run, MappedRecord m, RunVersions.Verdict verdict, List<MappedRecord> mapped, List<JsonNode> kept,
            String modifiedField, JsonNode record) {
        switch (verdict) {
            case SAME -> {
                run.counts.duplicates.incrementAndGet();
                return false;
            }
            case OLDER -> {
                (m.isRejected() ? run.counts.duplicates : run.counts.stale).incrementAndGet();
                return false;
            }
            case CONFLICT -> {
                if (m.isRejected()) {
                    return true; // another rejected copy: kept with its own reason
                }
                run.conflict(m.sourceId(), modifiedField, record.get(modifiedField));
                return false;
            }
            case NEWER -> {
                if (!m.isRejected()) {
                    run.counts.newer.incrementAndGet();
                }
                return true;
            }
            default -> {
                if (run.isRecovering() && !m.isRejected()) {
                    run.counts.recovered.incrementAndGet();
                }
                return true;
            }
        }
    }

    /** Drops an older copy of this key from the page's rows so far; false when the page had none (an earlier page did). */
    private static boolean dropEarlier(List<MappedRecord> mapped, List<JsonNode> kept, String keyColumn, Object key) {
        int earlier = indexOf(mapped, keyColumn, key);
        if (earlier < 0) {
            return false;
        }
        mapped.remove(earlier);
        kept.remove(earlier);
        return true;
    }

    /** The row of this key value among the page's rows so far (rejects have none). */
    private static int indexOf(List<MappedRecord> mapped, String keyColumn, Object key) {
        for (int i = 0; i < mapped.size(); i++) {
            if (!mapped.get(i).isRejected() && key != null && key.equals(mapped.get(i).row().get(keyColumn))) {
                return i;
            }
        }
        return -1;
    }

}
