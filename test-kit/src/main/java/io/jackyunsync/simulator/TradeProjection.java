package io.jackyunsync.simulator;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code fields} parameter of {@code oms.trade.fullinfoget}: a comma list of order fields, lines' fields as
 * {@code goodsDetail.x} ({@code goodsDetail} alone: the whole lines); absent, every field.
 */
record TradeProjection(boolean all, Set<String> order, Set<String> line, boolean allLine) {

    static final TradeProjection ALL = new TradeProjection(true, Set.of(), Set.of(), true);

    static TradeProjection parse(String fields) {
        if (fields == null || fields.isBlank()) {
            return ALL;
        }
        Set<String> order = new HashSet<>();
        Set<String> line = new HashSet<>();
        boolean allLine = false;
        for (String f : fields.split(",")) {
            String name = f.trim();
            if (name.equals("goodsDetail")) {
                allLine = true;
            } else if (name.startsWith("goodsDetail.")) {
                line.add(name.substring("goodsDetail.".length()));
            } else if (!name.isEmpty()) {
                order.add(name);
            }
        }
        return new TradeProjection(false, Set.copyOf(order), Set.copyOf(line), allLine);
    }

    boolean order(String field) {
        return all || order.contains(field);
    }

    boolean line(String field) {
        return all || allLine || line.contains(field);
    }

    boolean anyLine() {
        return all || allLine || !line.isEmpty();
    }
}
