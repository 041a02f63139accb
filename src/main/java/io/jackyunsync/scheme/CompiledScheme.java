package io.jackyunsync.scheme;

import io.jackyunsync.jackyun.JackyunEnvelope;

/**
 * A checked scheme with what every run needs prepared once: its mapper, its SQL, and the projection its pages are read
 * with (the list and the fields the mapper reads).
 */
public record CompiledScheme(Scheme scheme, RecordMapper mapper, SchemeSql sql, JackyunEnvelope.Projection projection) {

    public static CompiledScheme of(Scheme scheme) {
        RecordMapper mapper = new RecordMapper(scheme);
        return new CompiledScheme(scheme, mapper, SchemeSql.of(scheme.target()),
                new JackyunEnvelope.Projection(scheme.source().list(), mapper.sourceFields()));
    }

    public String name() {
        return scheme.name();
    }
}
