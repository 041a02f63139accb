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
 * The split/transform step of a page, in one call (no exchange per record: see README, Performance): idCheck drops a
 * record whose id this run has already seen, the scheme's mapping and rules turn the others into rows or rejects
 * (with their lines; two records of the page that share a line are both rejected: {@link ChildRows#rejectSharedLines}).
 */
public final class PageTransform {

    private static final Logger LOG = LoggerFactory.getLogger(PageTransform.class);

    /** The page's rows for the batches; its rejects go to the property {@link RunProperties#PAGE_REJECTS}. */
    public List<Map<String, Object>> idCheckMapAndValidate(@ExchangeProperty(RunProperties.RUN) SyncRun run,
                                                          @Body List<JsonNode> records, Exchange exchange) {
        var mapper = run.compiled().mapper();
        List<MappedRecord> mapped = new ArrayList<>(records.size());
        List<JsonNode> kept = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            String id = mapper.sourceId(record);
            // a record without an id is not idChecked: the mapper rejects each one (they are not duplicates of "")
            if (!id.isBlank() && !run.ids.add(id)) {
                run.duplicates.incrementAndGet();
                continue;
            }
            if (run.isRecovering()) {
                run.recovered.incrementAndGet();
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
        run.queued(rows.size());
        exchange.setProperty(RunProperties.PAGE_REJECTS, rejects);
        return rows;
    }
}
