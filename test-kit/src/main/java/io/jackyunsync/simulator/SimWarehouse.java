package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One warehouse held by the simulator, with the fields {@code erp.warehouse.get} returns. */
public final class SimWarehouse {

    final long id;
    final String code;
    String name;
    String typeCode;
    int blockup;
    int deleted;
    final long gmtCreate;
    long gmtModified;
    /** Send gmtModified as a {@code yyyy-MM-dd HH:mm:ss} string instead of epoch milliseconds. */
    final boolean gmtAsText;

    SimWarehouse(long id, String code, String name, String typeCode, int blockup, int deleted,
            long gmtCreate, long gmtModified, boolean gmtAsText) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.typeCode = typeCode;
        this.blockup = blockup;
        this.deleted = deleted;
        this.gmtCreate = gmtCreate;
        this.gmtModified = gmtModified;
        this.gmtAsText = gmtAsText;
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String typeCode() {
        return typeCode;
    }

    public long gmtModified() {
        return gmtModified;
    }

    public boolean visibleByDefault() {
        return blockup == 0 && deleted == 0;
    }

    SimWarehouse copy() {
        return new SimWarehouse(id, code, name, typeCode, blockup, deleted, gmtCreate, gmtModified, gmtAsText);
    }

    /** The record's JSON, made once: a published warehouse is never changed (changes are made to copies). */
    private byte[] json;

    byte[] jsonBytes() {
        byte[] b = json;
        if (b == null) {
            b = toJson().toString().getBytes(StandardCharsets.UTF_8);
            json = b;
        }
        return b;
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("warehouseId", Long.toString(id));
        n.put("warehouseCode", code);
        n.put("warehouseName", name);
        n.put("warehouseTypeCode", typeCode);
        n.put("warehouseTypeName", typeName(typeCode));
        n.put("isBlockup", blockup);
        n.put("isDelete", deleted);
        n.put("countryName", "中国");
        n.put("provinceName", "浙江省");
        n.put("cityName", "杭州市");
        n.put("townName", "余杭区");
        n.put("address", "文一西路" + (id % 1000) + "号");
        n.put("linkMan", "张三");
        n.put("tel", "0571-8888" + (id % 10000));
        n.put("gmtCreate", gmtCreate);
        if (gmtAsText) {
            n.put("gmtModified", BeijingTime.format(Instant.ofEpochMilli(gmtModified)));
        } else {
            n.put("gmtModified", gmtModified);
        }
        n.putArray("salesList").addObject()
                .put("warehouseId", Long.toString(id)).put("channelId", Long.toString(id / 7)).put("channelName", "天猫旗舰店");
        return n;
    }

    private static String typeName(String typeCode) {
        return switch (typeCode == null ? "" : typeCode) {
            case "1" -> "普通仓";
            case "2" -> "门店仓";
            case "3" -> "第三方仓";
            default -> "其他";
        };
    }
}
