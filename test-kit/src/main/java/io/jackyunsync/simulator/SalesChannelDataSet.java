package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The simulator's sales channels ({@code erp.sales.get}), generated from a seed, sorted by (gmtModified, id). */
public final class SalesChannelDataSet {

    /** One channel as served, with the time the window filter reads. */
    public record Channel(long id, String code, String name, int type, long gmtModified, ObjectNode json) {
    }

    private final List<Channel> sorted;

    public SalesChannelDataSet(long seed, int count) {
        Random random = new Random(seed ^ 0x5A1E5L);
        List<Channel> all = new ArrayList<>();
        String[] platforms = {"天猫", "京东", "拼多多", "抖音", "门店"};
        for (int i = 0; i < count; i++) {
            long id = 2_000_000_000_000_000_000L + i * 7_000_001L + random.nextInt(1000);
            int type = 1 + random.nextInt(platforms.length);
            String code = String.format("QD%05d", i);
            String name = platforms[type - 1] + (i % 7 == 3 ? "旗舰店🛍️ " : "店 ") + i + (i % 9 == 4 ? " \"O'Neil\\\\\"" : "");
            long modified = WarehouseDataSet.ANCHOR_MILLIS - (count - i) * 3_600_000L + random.nextInt(1000);
            ObjectNode json = JsonNodeFactory.instance.objectNode()
                    .put("channelId", Long.toString(id))
                    .put("channelCode", code)
                    .put("channelName", name)
                    .put("channelType", Integer.toString(type))
                    .put("onlinePlatTypeName", platforms[type - 1])
                    .put("companyName", "杭州示例贸易有限公司")
                    .put("gmtModified", modified);
            all.add(new Channel(id, code, name, type, modified, json));
        }
        all.sort(Comparator.comparingLong(Channel::gmtModified).thenComparingLong(Channel::id));
        this.sorted = List.copyOf(all);
    }

    public List<Channel> channels() {
        return sorted;
    }
}
