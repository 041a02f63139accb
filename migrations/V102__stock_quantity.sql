-- Target of schemes/stock.yaml: stock of one SKU in one warehouse (库存), quantity_id = quantityId (up to 19 digits).
-- Quantities are exact decimals: the gateway sends them as strings with four places ("12.5000").
CREATE TABLE IF NOT EXISTS stock_quantity (
    quantity_id      BIGINT        NOT NULL PRIMARY KEY COMMENT 'Jackyun quantityId',
    warehouse_code   VARCHAR(64)   NULL COMMENT '仓库编码',
    sku_id           BIGINT        NULL COMMENT 'Jackyun skuId',
    goods_no         VARCHAR(128)  NULL COMMENT '货品编号',
    sku_barcode      VARCHAR(128)  NULL COMMENT '条码',
    current_quantity DECIMAL(20,4) NULL COMMENT '当前库存',
    locked_quantity  DECIMAL(20,4) NULL COMMENT '锁定库存',
    use_quantity     DECIMAL(20,4) NULL COMMENT '可用库存',
    gmt_modified     DATETIME      NULL COMMENT 'modified time, Beijing wall clock',
    update_time      DATETIME      NULL COMMENT 'last change written by the sync',
    KEY idx_stock_quantity_sku (sku_id),
    KEY idx_stock_quantity_warehouse (warehouse_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
