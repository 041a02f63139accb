INSERT INTO sync_reconcile (account, scheme, status, instance, repair, extras_policy, started_at)
VALUES (:#${exchangeProperty.run.account}, :#${exchangeProperty.reconcile.scheme}, 'RUNNING', :#${exchangeProperty.run.instance}, :#${exchangeProperty.reconcile.repairFlag},
        :#${exchangeProperty.reconcile.extrasPolicy}, NOW(3))
