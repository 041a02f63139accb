package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.scheme.ChildRows;
import io.jackyunsync.scheme.MappedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split/transform step of a page, in one call (no exchange per record: see README, Performance): idCheck with
 * versions ({@link RunVersions}) keeps the newest copy of a record the run meets twice and drops an older or the same
 * one, the scheme's mapping and rules turn the others into rows or rejects (with their lines; two records of the page
 * that share a line are both rejected: {@link ChildRows#rejectSharedLines}).
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
        for (JsonNode record : records) {
            String id = mapper.sourceId(record);
            // a record without an id is not idChecked: the mapper rejects each one (they are not duplicates of "")
            if (!id.isBlank()) {
                long modified = RecordVersion.modifiedMillis(record, modifiedField);
                switch (run.versions.offer(id, modified, record.hashCode())) {
                    case SAME -> {
                        run.duplicates.incrementAndGet();
                        continue;
                    }
                    case OLDER -> {
                        run.stale.incrementAndGet();
                        LOG.debug("{} record {}: an older copy than the one this run read, dropped", run.getScheme(), id);
                        continue;
                    }
                    case CONFLICT -> {
                        run.conflict(id, modifiedField, record.get(modifiedField));
                        continue;
                    }
                    case NEWER -> {
                        run.newer.incrementAndGet();
                        int earlier = indexOf(mapped, id);
                        if (earlier >= 0) {
                            mapped.remove(earlier);
                            kept.remove(earlier);
                        } else {
                            supersedes = true;
                        }
                    }
                    case NEW -> {
                        if (run.isRecovering()) {
                            run.recovered.incrementAndGet();
                        }
                    }
                }
            }
            mapped.add(ChildRows.attach(run.compiled(), record, mapper.map(record)));
            kept.add(record);
        }
        List<Map<String, Object>> rows = new ArrayList<>(mapped.size());
        List<MappedRecord> rejects = new ArrayList<>(0);
        for (MappedRecord m : ChildRows.rejectSharedLines(run.compiled(), mapped, kept)) {
            if (m.isRejected()) {
                run.rejected.incrementAndGet();
                LOG.warn("{} record {} rejected ({}): {}", run.getScheme(), m.sourceId(), m.rule(), m.reason());
                rejects.add(m);
            } else {
                rows.add(m.row());
            }
        }
        exchange.setProperty(RunProperties.PAGE_REJECTS, rejects);
        exchange.setProperty(RunProperties.PAGE_SUPERSEDES, supersedes);
        return rows;
    }

    private static int indexOf(List<MappedRecord> mapped, String id) {
        for (int i = 0; i < mapped.size(); i++) {
            if (id.equals(mapped.get(i).sourceId())) {
                return i;
            }
        }
        return -1;
    }
}
