package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
                MappedRecord line = table.mapper().map(element);
                if (line.isRejected()) {
                    return reject(parent, record, line.rule(), child.list() + " line " + (line.sourceId().isEmpty() ? "(no "
                            + child.id() + ")" : line.sourceId()) + ": " + line.reason());
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

    private static MappedRecord reject(MappedRecord parent, JsonNode record, String rule, String reason) {
        return MappedRecord.ofRejection(parent.sourceId(), rule, reason, io.jackyunsync.jackyun.SourceRecord.raw(record));
    }
}
