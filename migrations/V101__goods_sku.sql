-- Target of schemes/goods.yaml: one row per Jackyun SKU (货品档案), sku_id = skuId (up to 19 digits).
CREATE TABLE IF NOT EXISTS goods_sku (
    sku_id       BIGINT       NOT NULL PRIMARY KEY COMMENT 'Jackyun skuId',
    goods_id     BIGINT       NULL COMMENT 'Jackyun goodsId',
    goods_no     VARCHAR(128) NULL COMMENT '货品编号',
    goods_name   VARCHAR(512) NULL COMMENT '货品名称',
    sku_name     VARCHAR(512) NULL COMMENT '规格名称',
    sku_barcode  VARCHAR(128) NULL COMMENT '条码',
    gmt_modified DATETIME     NULL COMMENT 'the SKU''s modified time, Beijing wall clock',
    update_time  DATETIME     NULL COMMENT 'last change written by the sync',
    KEY idx_goods_sku_goods (goods_id),
    KEY idx_goods_sku_no (goods_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
