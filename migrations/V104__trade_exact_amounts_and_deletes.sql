-- Issue 21: the amounts of schemes/trade.yaml keep the four places oms.trade.fullinfoget sends (10.0050 was stored
-- 10.01: a value that does not fit its column is now a reject, never rounded), and an order keeps its delete flag
-- (isDelete); its lines carry the order's flag, so that a line of a deleted order reads as deleted on its own.
ALTER TABLE trade
    MODIFY check_total DECIMAL(20,4) NULL COMMENT '应收金额, four places as sent',
    ADD COLUMN is_delete TINYINT NOT NULL DEFAULT 0 COMMENT 'isDelete: 1 the order is deleted in Jackyun' AFTER check_total;

ALTER TABLE trade_goods
    MODIFY sell_total DECIMAL(20,4) NULL COMMENT '金额, four places as sent',
    ADD COLUMN is_delete TINYINT NOT NULL DEFAULT 0 COMMENT 'the order''s isDelete' AFTER sell_total;
