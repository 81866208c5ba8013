/**
 * Drops `ledger_entries_by_account_kind_time` (migration 0005), which served the runway's sum of a
 * kind's debits over a time range. The runway reads the daily roll-up since migration 0009 and no
 * query uses the index any more, while every ledger append still paid for its B-tree write.
 */
export const sql = /* sql */ `
DROP INDEX IF EXISTS ledger_entries_by_account_kind_time;
`;
