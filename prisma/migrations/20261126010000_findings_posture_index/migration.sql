-- The overview's posture GROUP BY reads this index only; it replaces (org_id, account_id, status), whose
-- prefix it keeps, so reconciliation maintains the same number of findings indexes.
-- DropIndex
DROP INDEX "findings_org_id_account_id_status_idx";

-- CreateIndex
CREATE INDEX "findings_posture_idx" ON "findings"("org_id", "account_id", "check_id", "severity", "status", "suppressed", "in_scope", "deleted_at");

