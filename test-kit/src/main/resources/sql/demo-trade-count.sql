SELECT (SELECT COUNT(*) FROM trade) AS orders,
       (SELECT COUNT(*) FROM trade_goods) AS order_lines,
       (SELECT COUNT(*) FROM trade WHERE gmt_modified < ?) AS archived,
       (SELECT COUNT(*) FROM trade WHERE is_delete = 1) AS deleted
