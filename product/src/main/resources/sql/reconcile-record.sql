UPDATE sync_reconcile SET status = :#${exchangeProperty.reconcile.status}, source_count = :#${exchangeProperty.reconcile.sourceCount},
       target_count = :#${exchangeProperty.reconcile.targetCount}, missing = :#${exchangeProperty.reconcile.missing},
       extra = :#${exchangeProperty.reconcile.extra}, extra_accepted = :#${exchangeProperty.reconcile.extraAccepted},
       different = :#${exchangeProperty.reconcile.different}, rejected = :#${exchangeProperty.reconcile.rejected},
       missing_examples = :#${exchangeProperty.reconcile.missingExamples}, extra_examples = :#${exchangeProperty.reconcile.extraExamples},
       different_examples = :#${exchangeProperty.reconcile.differentExamples}, repaired_rows = :#${exchangeProperty.reconcile.repairedRows},
       extras_handled = :#${exchangeProperty.reconcile.extrasHandled}, error = :#${exchangeProperty.reconcile.error},
       lines_source = :#${exchangeProperty.reconcile.linesSource}, lines_target = :#${exchangeProperty.reconcile.linesTarget},
       lines_missing = :#${exchangeProperty.reconcile.linesMissing}, lines_extra = :#${exchangeProperty.reconcile.linesExtra},
       lines_different = :#${exchangeProperty.reconcile.linesDifferent}, lines_repaired = :#${exchangeProperty.reconcile.linesRepaired},
       lines_examples = :#${exchangeProperty.reconcile.linesExamples}, ended_at = NOW(3)
WHERE id = :#${exchangeProperty.reconcile.id}
