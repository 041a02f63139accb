package io.jackyunsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's figures, grouped by section and path, in the order they were measured. */
final class Results {
    String machine = "";
    String database = "";
    final Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
    final Map<Integer, List<Double>> rates = new LinkedHashMap<>();
    final Map<Integer, List<Double>> wholeRuns = new LinkedHashMap<>();
    /** Heap a finished -Xmx256m run still held after a full collection, by records synced. */
    final Map<String, Map<Integer, List<Long>>> retained = new LinkedHashMap<>();

    /**
     * API calls of one run: its records, its reads (slice x partition, re-reads included), pages and retries (the
     * run's counter: call and write retries together), the HTTP requests the app sent during it (counted on the app's
     * side), and the fewest calls the same window takes ((a)'s pass over it; -1: not measured).
     */
    record Calls(String run, long records, long reads, long pages, long retries, long sent, long fewest, int pageSize) {
        /** What the issue allows: records / pageSize plus one per read (the trade scheme has no probe). */
        long formula() {
            return records / pageSize + reads;
        }
    }

    final List<Calls> calls = new ArrayList<>();

    void calls(Calls c) {
        calls.add(c);
        System.out.printf("  calls, %s: %,d records, %,d reads, %,d pages, %,d retries (calls and writes); %,d HTTP requests sent;"
                + " records / %d + reads = %,d%s%n", c.run(), c.records(), c.reads(), c.pages(), c.retries(), c.sent(), c.pageSize(),
                c.formula(), c.fewest() < 0 ? "" : String.format("; fewest for the same window (from (a)) %,d", c.fewest()));
    }

    void add(String section, String path, long count, Meter.Reading r) {
        add(section, path, new Sample(count, r, 0, 0));
    }

    void add(String section, String path, Sample s) {
        samples.computeIfAbsent(section, k -> new LinkedHashMap<>()).computeIfAbsent(path, k -> new ArrayList<>()).add(s);
        System.out.printf("  %-38s %,10d in %6.2f s = %,9.0f /s%n", path, s.count(), s.reading().seconds(), s.perSecond());
    }

    void rate(int rate, double wholeRun, double calls) {
        rates.computeIfAbsent(rate, k -> new ArrayList<>()).add(calls);
        wholeRuns.computeIfAbsent(rate, k -> new ArrayList<>()).add(wholeRun);
        System.out.printf("  %d calls/s configured: %.2f call starts/s while paging, %.2f calls/s over the whole run%n", rate, calls,
                wholeRun);
    }

    String report() {
        return Report.of(this);
    }
}
