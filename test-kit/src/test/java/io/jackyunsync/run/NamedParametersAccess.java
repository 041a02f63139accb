package io.jackyunsync.run;

import java.util.List;
import java.util.Optional;

/** Test access to the package-private parsing of {@link NamedParameters} from tests of other packages. */
public final class NamedParametersAccess {

    private NamedParametersAccess() {
    }

    public static Optional<List<String>> inLists(String sql) {
        return NamedParameters.onlyInLists(sql);
    }

    public static Optional<List<String>> plainNames(String sql) {
        return NamedParameters.plainNames(sql);
    }
}
