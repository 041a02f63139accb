-- a dead letter is kept once per item (scheme, kind, key): the same item failing again raises its attempts
INSERT INTO sync_dead_letter (account, scheme, run_id, kind, item_key, payload, cause)
VALUES (:#${body.account()}, :#${body.scheme()}, :#${body.runId()}, :#${body.kind()}, :#${body.itemKey()}, :#${body.payload()}, :#${body.cause()})
ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), payload = VALUES(payload), cause = VALUES(cause), attempts = attempts + 1,
                        status = 'PENDING'
