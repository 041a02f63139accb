package io.jackyunsync.scheme;

import io.jackyunsync.jackyun.JackyunEnvelope;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked scheme with what every run needs prepared once: its mapper, its SQL, its child tables, and the projection
 * its pages are read with (the list and the fields the mappers read, a child's nested list kept whole).
 */
public record CompiledScheme(Scheme scheme, RecordMapper mapper, SchemeSql sql, JackyunEnvelope.Projection projection,
        List<ChildTable> children) {

    public static CompiledScheme of(Scheme scheme) {
        RecordMapper mapper = new RecordMapper(scheme);
        Set<String> fields = new TreeSet<>(mapper.sourceFields());
        scheme.target().childTables().forEach(c -> fields.add(c.list()));
        if (scheme.source().modified() != null) {
            fields.add(scheme.source().modified()); // the version of a record and the proof of its window, mapped or not
        }
        List<ChildTable> children = childrenOf(scheme);
        children.forEach(c -> fields.addAll(c.mapper().parentFields())); // a line's {^path} values
        if (scheme.source().pagination() != null && scheme.source().pagination().from() != null
                && Scheme.Pagination.MAX_ID.equals(scheme.source().pagination().mode())) {
            fields.add(scheme.source().pagination().from()); // the cursor's field, mapped or not
        }
        return new CompiledScheme(scheme, mapper, SchemeSql.of(scheme.target()),
                new JackyunEnvelope.Projection(scheme.source().list(), fields), children);
    }

    private static List<ChildTable> childrenOf(Scheme scheme) {
        Scheme.TargetField key = scheme.target().fields().stream().filter(f -> f.field().equals(scheme.target().key()))
                .findFirst().orElseThrow();
        return scheme.target().childTables().stream().map(c -> ChildTable.of(c, key)).toList();
    }

    public String name() {
        return scheme.name();
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
