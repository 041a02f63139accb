package io.jackyunsync.run;

import com.fasterxml.jackson.databind.JsonNode;
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
 * record whose id this run has already seen, the scheme's mapping and rules turn the others into rows or rejects.
 */
public final class PageTransform {

    private static final Logger LOG = LoggerFactory.getLogger(PageTransform.class);

    /** The page's rows for the batches; its rejects go to the property {@link RunProperties#PAGE_REJECTS}. */
    public List<Map<String, Object>> idCheckMapAndValidate(@ExchangeProperty(RunProperties.RUN) SyncRun run,
                                                          @Body List<JsonNode> records, Exchange exchange) {
        var mapper = run.compiled().mapper();
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        List<MappedRecord> rejects = new ArrayList<>(0);
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
            MappedRecord mapped = io.jackyunsync.scheme.ChildRows.attach(run.compiled(), record, mapper.map(record));
            if (mapped.isRejected()) {
                run.rejected.incrementAndGet();
                LOG.warn("{} record {} rejected ({}): {}", run.getScheme(), mapped.sourceId(), mapped.rule(), mapped.reason());
                rejects.add(mapped);
            } else {
                rows.add(mapped.row());
            }
        }
        run.queued(rows.size());
        exchange.setProperty(RunProperties.PAGE_REJECTS, rejects);
        return rows;
    }
}
