package io.jackyunsync.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark's figures as text: medians with min-max per path, then the ratios the targets are stated in. */
final class Report {

    private Report() {
    }

    static String of(Results r) {
        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(r.machine).append("; database: ").append(r.database).append('\n');
        out.append("CPU %: the whole machine busy (100 per core); sim %: the simulator's process alone; heap MB: peak heap in use;\n"
                + "live MB: peak heap left after a collection; alloc B/rec: bytes allocated by this JVM per record or row\n");
        for (var section : r.samples.entrySet()) {
            out.append("\n").append(section.getKey()).append('\n');
            out.append(String.format("  %-38s %12s %21s %6s %6s %9s %12s %10s %10s%n", "path", "median /s", "min - max /s",
                    "CPU %", "sim %", "GC ms", "alloc B/rec", "heap MB", "live MB"));
            for (var path : section.getValue().entrySet()) {
                List<Sample> s = path.getValue();
                out.append(String.format("  %-38s %,12.0f %,10.0f - %,-10.0f %6.0f %6.0f %9.0f %,12.0f %10.1f %10.1f%n", path.getKey(),
                        median(s, Sample::perSecond), min(s, Sample::perSecond), max(s, Sample::perSecond),
                        median(s, x -> x.reading().cpuPercent()), median(s, Sample::simulatorCpuPercent),
                        median(s, x -> x.reading().gcMillis()), median(s, x -> (double) x.reading().allocatedBytes() / x.count()),
                        median(s, x -> x.reading().peakHeapBytes() / 1048576.0), median(s, x -> x.reading().peakLiveBytes() / 1048576.0)));
            }
            out.append(
                    String.format("  %-38s %21s %21s %21s %21s%n", "  the same, min - max:", "GC ms", "alloc B/rec", "heap MB", "live MB"));
            for (var path : section.getValue().entrySet()) {
                List<Sample> s = path.getValue();
                out.append(String.format("  %-38s %21s %21s %21s %21s%n", path.getKey(),
                        spread(s, x -> x.reading().gcMillis(), "%,.0f"),
                        spread(s, x -> (double) x.reading().allocatedBytes() / x.count(), "%,.0f"),
                        spread(s, x -> x.reading().peakHeapBytes() / 1048576.0, "%.1f"),
                        spread(s, x -> x.reading().peakLiveBytes() / 1048576.0, "%.1f")));
            }
            for (String write : section.getValue().keySet()) { // one connection, then as many as the sync's writers
                if (write.startsWith("b write limit, insert")) {
                    ratio(out, section.getValue(), "c sync, first load", write);
                }
            }
            for (String write : section.getValue().keySet()) {
                if (write.startsWith("b write limit, update")) {
                    ratio(out, section.getValue(), "c sync, full re-sync", write);
                }
            }
        }
        if (!r.calls.isEmpty()) {
            out.append("\nAPI calls: HTTP requests the app sent during the run (counted where they leave it), against records / pageSize\n"
                    + "+ one per read (a read: a slice x a partition; the trade scheme has no probe); pages and retries are the run's\n"
                    + "own counters (its retries count write retries too); fewest: (a)'s pass over the same window, plus one for each read\n"
                    + "that ended on an empty page after a full one (the sync asks such a page once more)\n");
            for (Results.Calls c : r.calls) {
                out.append(String.format(
                        "  %-52s %,10d records %,5d reads %,7d pages %,3d retries: %,7d calls sent; formula %,d / %d + %,d = %,d (%+d)%s%n",
                        c.run(), c.records(), c.reads(), c.pages(), c.retries(), c.sent(), c.records(), c.pageSize(), c.reads(),
                        c.formula(), c.sent() - c.formula(),
                        c.fewest() < 0 ? "" : String.format(Locale.ROOT, "; fewest %,d (%+d)", c.fewest(), c.sent() - c.fewest())));
            }
        }
        if (!r.rates.isEmpty()) {
            out.append("\nrate-limited mode (pageSize 50): achieved calls/s over the configured R\n");
            for (var e : r.rates.entrySet()) {
                List<Double> v = e.getValue().stream().map(x -> x / e.getKey()).sorted().toList();
                List<Double> w = r.wholeRuns.get(e.getKey()).stream().map(x -> x / e.getKey()).sorted().toList();
                out.append(String.format("  R = %-4d call starts while paging: achieved/R median %.3f (min %.3f, max %.3f);"
                        + " over the whole run (window, probe, last write, checkpoint): %.3f (min %.3f, max %.3f)%n",
                        e.getKey(), v.get(v.size() / 2), v.get(0), v.get(v.size() - 1), w.get(w.size() / 2), w.get(0),
                        w.get(w.size() - 1)));
            }
        }
        for (var section : r.samples.entrySet()) {
            Map<String, List<Sample>> memory = section.getValue();
            if (!section.getKey().startsWith("memory") || memory.size() < 2) {
                continue;
            }
            var runs = List.copyOf(memory.values());
            var small = runs.get(0);
            var big = runs.get(runs.size() - 1);
            out.append(String.format("%n%s: %s over %s: peak heap %.2fx, peak live heap %.2fx, alloc/record %.2fx%n", section.getKey(),
                    List.copyOf(memory.keySet()).get(runs.size() - 1), List.copyOf(memory.keySet()).get(0),
                    median(big, x -> x.reading().peakHeapBytes()) / median(small, x -> x.reading().peakHeapBytes()),
                    median(big, x -> x.reading().peakLiveBytes()) / median(small, x -> x.reading().peakLiveBytes()),
                    median(big, x -> (double) x.reading().allocatedBytes() / x.count())
                            / median(small, x -> (double) x.reading().allocatedBytes() / x.count())));
            var retained = r.retained.getOrDefault(section.getKey(), Map.of());
            if (!retained.isEmpty()) {
                out.append("  retained after the run (a full collection with the finished run still referenced; median):");
                long firstN = 0;
                double first = 0;
                for (var e : retained.entrySet()) {
                    double mb = e.getValue().stream().sorted().toList().get(e.getValue().size() / 2) / 1048576.0;
                    out.append(String.format(" %,d records %.1f MB;", e.getKey(), mb));
                    if (firstN == 0) {
                        firstN = e.getKey();
                        first = mb;
                    } else {
                        out.append(String.format(" %.1f bytes per record more", (mb - first) * 1048576 / (e.getKey() - firstN)));
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, Map<String, List<Sample>> paths, String sync, String write) {
        List<Sample> c = paths.get(sync);
        List<Sample> a = paths.get("a fetch limit");
        List<Sample> b = paths.get(write);
        if (c == null || a == null || b == null) {
            return;
        }
        double limit = Math.min(median(a, Sample::perSecond), median(b, Sample::perSecond));
        out.append(String.format("  %s / min(fetch limit, %s) = %.2f (min %.2f, max %.2f)%n", sync, write,
                median(c, Sample::perSecond) / limit, min(c, Sample::perSecond) / limit,
                max(c, Sample::perSecond) / limit));
    }

    private static String spread(List<Sample> samples, ToDoubleFunction<Sample> f, String format) {
        return String.format(Locale.ROOT, format + " - " + format, min(samples, f), max(samples, f));
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> f) {
        double[] v = samples.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double min(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).min().orElse(0);
    }

    static double max(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).max().orElse(0);
    }
}
