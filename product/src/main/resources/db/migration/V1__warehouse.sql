-- The seed's target table: one row per Jackyun warehouse, id = warehouseId.
CREATE TABLE IF NOT EXISTS warehouse (
    id                  BIGINT       NOT NULL PRIMARY KEY COMMENT 'Jackyun warehouseId',
    warehouse_code      VARCHAR(64)  NOT NULL COMMENT '仓库编码',
    warehouse_name      VARCHAR(255) NULL COMMENT '仓库名称',
    warehouse_type      INT          NULL COMMENT '仓库类型',
    source_Id           INT          NULL COMMENT '系统来源 (3 = Jackyun)',
    status              INT          NULL COMMENT '仓库状态',
    create_by           INT          NULL COMMENT '创建人ID',
    create_time         DATETIME     NULL COMMENT '创建时间',
    reconciliation_type INT          NULL COMMENT '对账属性',
    update_time         DATETIME     NULL COMMENT 'last change written by the sync',
    KEY idx_warehouse_code (warehouse_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
