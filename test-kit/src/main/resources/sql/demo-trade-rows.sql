SELECT t.trade_id, t.trade_no, t.trade_status, t.shop_name, t.check_total, t.is_delete, t.gmt_modified,
       g.sub_trade_id, g.goods_no, g.sell_count, g.sell_price, g.sell_total, g.is_delete AS line_is_delete
FROM ((SELECT trade_id, trade_no, trade_status, shop_name, check_total, is_delete, gmt_modified
       FROM trade ORDER BY gmt_modified, trade_id LIMIT 4)
      UNION
      (SELECT trade_id, trade_no, trade_status, shop_name, check_total, is_delete, gmt_modified
       FROM trade WHERE is_delete = 1 ORDER BY gmt_modified, trade_id LIMIT 1)) t
LEFT JOIN trade_goods g ON g.trade_id = t.trade_id
ORDER BY t.gmt_modified, t.trade_id, g.sub_trade_id
