package io.jackyunsync.run;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.scheme.Scheme;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads a run's window is made of: its slices (consecutive, each at most {@code source.window.maxSpan} wide, in
 * order) times its partitions (each value of {@code source.partitions.field}), slice by slice; one read when the scheme
 * has neither. Adjacent slices overlap by their boundary second ({@link #BOUNDARY}): a gateway whose bounds are exclusive
 * loses no record modified on a boundary, and one whose bounds are inclusive serves it twice, the same version (a
 * plain duplicate). It keeps which read is under way, its records and its total ({@code source.total}): a read whose
 * distinct records are not its total is read again once, and still not it fails the run. Slices are computed, not listed: a first
 * load from 2015 in 7-day slices is 600 of them.
 */
final class ReadPlan {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPlan.class);
    /** How much adjacent slices (and consecutive windows) overlap. */
    static final Duration BOUNDARY = Duration.ofSeconds(1);

    private final String scheme;
    private final Instant start;
    private final Instant end;
    private final Duration span;
    private final Duration step;
    /** The read's ids are kept: its total is checked against them, or it is one of several reads of the run. */
    private final boolean countsIds;
    private final Scheme.Partitions partitions;
    private final long slices;
    private final int partitionCount;
    private final AtomicLong suspectPages;
    private final BiConsumer<String, String> fail;
    private long index = -1;
    private int attempt;
    private boolean rereadPending;
    private long fetched;
    /** The ids of the current read: its records are counted once each against its total (a page answered twice is not two). */
    private RunIds readIds = new RunIds();
    private Long total;
    final AtomicLong reads = new AtomicLong();
    final AtomicLong rereads = new AtomicLong();
    final AtomicLong expected = new AtomicLong();
    private volatile boolean counted;

    /** A plan over [start, end] (both null: no window, one read of the whole set). */
    ReadPlan(String scheme, Scheme.Source source, String start, String end, AtomicLong suspectPages, BiConsumer<String, String> fail) {
        this.scheme = scheme;
        this.start = start == null ? null : BeijingTime.parse(start);
        this.end = end == null ? null : BeijingTime.parse(end);
        this.span = source.window() == null || this.start == null ? null : source.window().span();
        this.partitions = source.partitions();
        this.partitionCount = partitions == null ? 1 : partitions.values().size();
        long width = this.start == null ? 0 : Duration.between(this.start, this.end).toMillis();
        // slice k starts at start + k * step and is span wide; the next one starts a second before it ends
        this.step = span == null ? null : span.minus(BOUNDARY);
        this.slices = span == null || width <= span.toMillis() ? 1 : 1 + (width - span.toMillis() + step.toMillis() - 1) / step.toMillis();
        this.suspectPages = suspectPages;
        this.fail = fail;
        this.countsIds = source.total() != null || slices * partitionCount > 1;
    }

    /** Whether a read is left: the next one, or the same one again when its total asked for it. */
    synchronized boolean hasNext() {
        return rereadPending || index + 1 < slices * partitionCount;
    }

    /** Moves to the next read (or to the same one again, when its total asked for it); false when none is left. */
    synchronized boolean next() {
        if (rereadPending) {
            rereadPending = false;
            attempt = 2;
        } else if (index + 1 >= slices * partitionCount) {
            return false;
        } else {
            index++;
            attempt = 1;
        }
        fetched = 0;
        readIds = new RunIds();
        total = null;
        reads.incrementAndGet();
        return true;
    }

    /** The current read is a re-read (its first attempt fell short of its total). */
    synchronized boolean isReread() {
        return attempt == 2;
    }

    boolean isSingle() { return slices * partitionCount == 1; }

    /** The reads the plan holds: its slices times its partitions (re-reads come on top). */
    long planned() {
        return slices * partitionCount;
    }

    /** The current read is the last partition of its slice, another slice follows, and no re-read is pending. */
    synchronized boolean isSliceDone() {
        return index >= 0 && !rereadPending && index % partitionCount == partitionCount - 1 && index < slices * partitionCount - 1;
    }

    private long slice() {
        return Math.max(index, 0) / partitionCount;
    }

    String sliceStart() {
        return start == null ? null : BeijingTime.format(span == null ? start : start.plus(step.multipliedBy(slice())));
    }

    String sliceEnd() {
        if (start == null) {
            return null; // a reconciliation's read of the whole set: no window at all
        }
        Instant sliceEnd = span == null ? end : start.plus(step.multipliedBy(slice())).plus(span);
        return BeijingTime.format(sliceEnd.isAfter(end) ? end : sliceEnd);
    }

    /** The partition field and value of the current read; null without partitions. */
    String partitionField() {
        return partitions == null ? null : partitions.field();
    }

    Object partitionValue() {
        return partitions == null ? null : partitions.values().get((int) (Math.max(index, 0) % partitionCount));
    }

    /** The current read in words, for logs and errors: its slice and partition. */
    String describe() {
        String window = start == null ? "the whole set" : "slice " + sliceStart() + " .. " + sliceEnd();
        return partitions == null ? window : window + ", " + partitions.field() + "=" + partitionValue();
    }

    synchronized void fetched(int records, Long pageTotal) {
        fetched += records;
        if (total == null) {
            total = pageTotal;
        }
    }

    /**
     * The same by the records' ids: each distinct id of the read counts once (a blank one, which the mapper rejects,
     * each time). Returns how many were new to the read (-1: not counted, for a single read without a total, whose
     * records the run's idCheck tells apart): none on a page that is not empty means the gateway answered
     * a page of this read again (records read in earlier reads are no sign of that: a slice's boundary second, or
     * records modified meanwhile into its last second, are read again legitimately).
     */
    synchronized int fetched(Collection<String> ids, Long pageTotal) {
        if (!countsIds) {
            fetched += ids.size();
            return -1; // one read and no total: the run's own idCheck knows what is new (one id table, not two)
        }
        int fresh = 0;
        for (String id : ids) {
            if (id.isBlank() || readIds.add(id)) {
                fresh++;
            }
        }
        fetched += fresh;
        if (total == null) {
            total = pageTotal;
        }
        return fresh;
    }

    /**
     * The read came to its end: with a total, its records are compared with it; short, it is asked for again once
     * (counted suspect), and short again the run fails naming the read and the numbers.
     */
    synchronized void ended(boolean clean) {
        if (total == null || !clean) {
            return;
        }
        // more distinct records than the total is no proof either: the count is wrong, and what else it hides is unknown
        if (fetched == total) {
            expected.addAndGet(total);
            counted = true;
            return;
        }
        if (attempt == 1) {
            rereads.incrementAndGet();
            suspectPages.incrementAndGet();
            rereadPending = true;
            LOG.warn("{}: {} gave {} records but its total says {}; reading it again", scheme, describe(), fetched, total);
            return;
        }
        expected.addAndGet(total);
        counted = true;
        fail.accept("gateway", describe() + ": read " + fetched + " records " + (fetched < total ? "of the " : "against the ") + total
                + " the answer's total counts, twice: the read cannot be proven whole; the checkpoint stays at the end of the"
                + " slice before");
    }

    /** The totals of the reads, summed; null when the scheme's answers carry none. */
    Long expectedTotal() {
        return counted ? expected.get() : null;
    }

    /** The end of the window the checkpoint may move to once the current read's slice is committed. */
    String checkpointEnd(String windowEnd) {
        return index < 0 || span == null ? windowEnd : sliceEnd();
    }
}
