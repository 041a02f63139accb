package io.jackyunsync.sync;

import io.jackyunsync.scheme.RecordMapper;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeSql;

/** A checked scheme with what every run needs prepared once: its mapper and its SQL. */
public record CompiledScheme(Scheme scheme, RecordMapper mapper, SchemeSql sql) {

    public static CompiledScheme of(Scheme scheme) {
        return new CompiledScheme(scheme, new RecordMapper(scheme), SchemeSql.of(scheme.target()));
    }

    public String name() {
        return scheme.name();
    }
}
