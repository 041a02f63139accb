INSERT INTO sync_reject (account, scheme, source_id, rule, reason, payload, run_id)
VALUES (:#${exchangeProperty.run.account}, :#${exchangeProperty.run.scheme}, :#${body.sourceId()}, :#${body.rule()}, :#${body.reason()}, :#${body.payload()},
        :#${exchangeProperty.run.id})
