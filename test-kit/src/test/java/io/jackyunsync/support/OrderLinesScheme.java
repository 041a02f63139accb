package io.jackyunsync.support;

/**
 * A scheme of the tests' own with a child table: orders ({@code <prefix>order}) with nested lines
 * ({@code <prefix>order_line}, BIGINT line key, parent key order_id), paged by pageIndex from a gateway of the test's
 * own; and the migration of its two tables. Tests that need their own tables give their own prefix.
 */
public final class OrderLinesScheme {

    private OrderLinesScheme() {
    }

    /** The scheme file {@code orders} over the tables {@code <prefix>order} and {@code <prefix>order_line}. */
    public static String scheme(String prefix) {
        return """
                name: orders
                enabled: true
                schedule: "0 0 0 1 1 ? 2099"
                source:
                  api: test.order.get
                  method: POST
                  number: orderNo
                  id: orderId
                  pagination:
                    pageSize: 2
                  list: orders
                  initialStart: "2015-01-01 00:00:00"
                  request:
                    - {field: pageIndex, label: page, type: int, value: "{pageIndex}"}
                    - {field: pageSize, label: size, type: int, value: "{pageSize}"}
                    - {field: startModified, label: start, type: string, value: "{windowStart}"}
                    - {field: endModified, label: end, type: string, value: "{windowEnd}"}
                target:
                  table: PREFIXorder
                  key: order_id
                  fields:
                    - {field: order_id, label: id, type: long, value: "{orderId}", required: true}
                    - {field: order_no, label: no, type: string, value: "{orderNo}"}
                    - {field: memo, label: memo, type: string, value: "{memo}"}
                  children:
                    - list: lines
                      id: lineId
                      table: PREFIXorder_line
                      key: line_id
                      parentKey: order_id
                      fields:
                        - {field: line_id, label: line, type: long, value: "{lineId}", required: true}
                        - {field: goods_no, label: goods, type: string, value: "{goodsNo}"}
                        - {field: qty, label: qty, type: decimal, value: "{qty}"}
                """.replace("PREFIX", prefix);
    }

    /** The tables of {@link #scheme}; {@code lineKey}: the SQL type of line_id. */
    public static String migration(String prefix, String lineKey) {
        return """
                CREATE TABLE IF NOT EXISTS PREFIXorder (
                    account  VARCHAR(32) NOT NULL DEFAULT 'default',
                    order_id BIGINT NOT NULL,
                    order_no VARCHAR(64) NULL,
                    memo     VARCHAR(255) NULL,
                    PRIMARY KEY (account, order_id)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
                CREATE TABLE IF NOT EXISTS PREFIXorder_line (
                    account  VARCHAR(32) NOT NULL DEFAULT 'default',
                    line_id  LINEKEY NOT NULL,
                    order_id BIGINT NOT NULL,
                    goods_no VARCHAR(64) NULL,
                    qty      DECIMAL(18,4) NULL,
                    PRIMARY KEY (account, line_id),
                    KEY idx_PREFIXorder_line_order (account, order_id)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
                """.replace("PREFIX", prefix).replace("LINEKEY", lineKey);
    }
}
