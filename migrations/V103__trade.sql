-- Targets of schemes/trade.yaml: sales orders (销售单), trade_id = tradeId, and their lines (goodsDetail[]),
-- sub_trade_id = subTradeId. An order's lines are replaced on every read of the order: trade_goods holds exactly
-- the lines of the order as last read.
CREATE TABLE IF NOT EXISTS trade (
    trade_id     BIGINT        NOT NULL PRIMARY KEY COMMENT 'Jackyun tradeId',
    trade_no     VARCHAR(64)   NULL COMMENT '订单编号',
    trade_status INT           NULL COMMENT '订单状态',
    shop_name    VARCHAR(255)  NULL COMMENT '店铺名称',
    seller_memo  LONGTEXT      NULL COMMENT '卖家备注: free text of any length, kept byte for byte',
    check_total  DECIMAL(18,2) NULL COMMENT '应收金额',
    trade_time   DATETIME      NULL COMMENT '下单时间, Beijing',
    gmt_modified DATETIME      NULL COMMENT 'modified time, Beijing',
    update_time  DATETIME      NULL COMMENT 'last change written by the sync',
    KEY idx_trade_no (trade_no),
    KEY idx_trade_modified (gmt_modified)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS trade_goods (
    sub_trade_id BIGINT        NOT NULL PRIMARY KEY COMMENT 'Jackyun subTradeId',
    trade_id     BIGINT        NOT NULL COMMENT 'the order (trade.trade_id)',
    goods_no     VARCHAR(128)  NULL COMMENT '货品编号',
    barcode      VARCHAR(128)  NULL COMMENT '条码',
    sku_id       BIGINT        NULL COMMENT 'Jackyun skuId',
    sell_count   DECIMAL(20,4) NULL COMMENT '数量',
    sell_price   DECIMAL(20,4) NULL COMMENT '单价',
    sell_total   DECIMAL(18,2) NULL COMMENT '金额',
    KEY idx_trade_goods_trade (trade_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
