package io.jackyunsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.run.PageCodec;
import io.jackyunsync.scheme.ChildTable;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pass of the trade scheme's window through the app's call route, as a first run reads it, nothing written: its
 * calls and reads, and the reads that ended on an empty page right after a full one (their orders a multiple of the
 * page size): the sync asks such a page once more before it ends the read (OffsetPager: an answer that lost its list
 * looks just like the end), this pass does not.
 */
record TradeWindowFetch(long calls, long reads, long emptyAfterFull) {

    /**
     * Reads the window from {@code start} to now as a first run does (source.window.maxSpan slices, each in every
     * partition, each paged by the scroll cursor until a short page) through the app's own call route, handing each page on.
     */
    static TradeWindowFetch of(SyncApp app, CompiledScheme compiled, String start, Consumer<List<JsonNode>> pages)
            throws Exception {
        var template = app.context().createFluentProducerTemplate();
        Scheme.Source source = compiled.scheme().source();
        Scheme.Pagination paging = source.pagination();
        Instant from = BeijingTime.parse(start);
        Instant end = BeijingTime.parse(BeijingTime.format(Instant.now()));
        Duration span = source.window().span();
        List<Object> partitions = source.partitions() == null ? Collections.singletonList(null) : source.partitions().values();
        long calls = 0;
        long reads = 0;
        long emptyAfterFull = 0;
        for (Instant sliceStart = from; sliceStart.isBefore(end); sliceStart = sliceStart.plus(span)) {
            Instant sliceEnd = sliceStart.plus(span).isAfter(end) ? end : sliceStart.plus(span);
            for (Object partition : partitions) {
                reads++;
                String cursor = "";
                int readPages = 0;
                while (true) {
                    ObjectNode biz = (ObjectNode) JackyunEnvelope.JSON.readTree(PageCodec.pageRequest(source, 0,
                            BeijingTime.format(sliceStart), BeijingTime.format(sliceEnd)));
                    biz.put(paging.cursor(), cursor);
                    if (partition != null) {
                        biz.set(source.partitions().field(), JackyunEnvelope.JSON.valueToTree(partition));
                    }
                    JackyunEnvelope envelope = template.to(Throughput.CALL)
                            .withBody(new JackyunRequest(source.api(), biz.toString(), compiled.projection()))
                            .request(JackyunEnvelope.class);
                    calls++;
                    readPages++;
                    List<JsonNode> page = PageCodec.records(source, envelope);
                    pages.accept(page);
                    if (page.size() < paging.pageSize()) {
                        emptyAfterFull += page.isEmpty() && readPages > 1 ? 1 : 0;
                        break;
                    }
                    JsonNode next = envelope.data().at("/" + paging.from().replace('.', '/'));
                    if (next.isMissingNode() || next.isNull() || next.asText().isBlank()) {
                        throw new IllegalStateException("a full page without result.data." + paging.from());
                    }
                    cursor = next.asText();
                }
            }
        }
        return new TradeWindowFetch(calls, reads, emptyAfterFull);
    }

    /** The lines of an order (the scheme's children's lists). */
    static int lines(CompiledScheme scheme, JsonNode order) {
        int n = 0;
        for (ChildTable table : scheme.children()) {
            JsonNode list = order.get(table.child().list());
            n += list == null || !list.isArray() ? 0 : list.size();
        }
        return n;
    }
}
