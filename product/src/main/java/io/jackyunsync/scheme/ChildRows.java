package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a mapped record's child tables, from its nested lists. A record whose lines cannot all be kept is
 * rejected whole, naming the line: writing the parent with some of its lines would make "its lines in MySQL are
 * exactly the record's" false. A record without its list at all is rejected too (a projection that forgot the list
 * must not read as "no lines", which would delete them); an empty list is a record without lines.
 */
public final class ChildRows {

    private ChildRows() {
    }

    /** The parent's row with its child rows under {@link ChildTable#rowsKey()}, or a rejection naming parent and line. */
    public static MappedRecord attach(CompiledScheme scheme, JsonNode record, MappedRecord parent) {
        if (parent.isRejected() || !scheme.hasChildren()) {
            return parent;
        }
        Object parentKey = parent.row().get(scheme.scheme().target().key());
        for (ChildTable table : scheme.children()) {
            Scheme.Child child = table.child();
            JsonNode list = record.get(child.list());
            if (list == null || list.isNull() || !list.isArray()) {
                return reject(parent, record, "child", child.list() + " is " + (list == null || list.isNull() ? "missing" : "not a list")
                        + ": the record's " + child.table() + " rows cannot be replaced without it");
            }
            List<Map<String, Object>> rows = new ArrayList<>(list.size());
            Set<Object> ids = new HashSet<>();
            for (JsonNode element : list) {
                MappedRecord line = table.mapper().map(element, record);
                if (line.isRejected()) {
                    return reject(parent, record, line.rule(), child.list() + " line " + (line.sourceId().isEmpty()
                            ? "(no "
                                    + child.id() + ")"
                            : line.sourceId()) + ": " + line.reason());
                }
                // by the key as it lands ("7" and "007" are the same row), else by the id as it came
                Object key = line.row().get(child.key());
                if (!ids.add(key != null ? key : line.sourceId())) {
                    return reject(parent, record, "child", child.list() + " line " + line.sourceId() + " appears twice in the record");
                }
                line.row().put(child.parentKey(), parentKey);
                rows.add(line.row());
            }
            parent.row().put(table.rowsKey(), rows);
        }
        return parent;
    }

    /**
     * The page's mapped records with every record that shares a line with another record of the same answer rejected,
     * both of them, naming the line and the other record: one line (one key of the child table) cannot belong to two
     * parents at once, and writing either would leave the other without a line its answer has. Lines that move between
     * parents across answers (read at different times) are not this: the later read's parent gets the line.
     */
    public static List<MappedRecord> rejectSharedLines(CompiledScheme scheme, List<MappedRecord> page, List<JsonNode> records) {
        if (!scheme.hasChildren()) {
            return page;
        }
        List<MappedRecord> out = new ArrayList<>(page);
        for (ChildTable table : scheme.children()) {
            Map<Object, Integer> owner = new HashMap<>();
            for (int i = 0; i < page.size(); i++) {
                MappedRecord parent = page.get(i);
                if (parent.isRejected() || !(parent.row().get(table.rowsKey()) instanceof List<?> lines)) {
                    continue;
                }
                for (Object line : lines) {
                    Object key = ((Map<?, ?>) line).get(table.child().key());
                    Integer other = owner.putIfAbsent(key, i);
                    if (other != null && other != i) {
                        String reason = table.child().list() + " line " + key + " is also a line of record %s in the same answer:"
                                + " one line cannot belong to two records";
                        out.set(i, reject(parent, records.get(i), "child", String.format(reason, page.get(other).sourceId())));
                        if (!out.get(other).isRejected()) {
                            out.set(other, reject(page.get(other), records.get(other), "child", String.format(reason, parent.sourceId())));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static MappedRecord reject(MappedRecord parent, JsonNode record, String rule, String reason) {
        return MappedRecord.ofRejection(parent.sourceId(), rule, reason, SourceRecord.raw(record));
    }
}
