-- Single flight as a constraint (a second QUEUED/RUNNING scan of an account is refused by the database),
-- (the predicate is written the way Postgres prints it, so Prisma sees no drift),
-- and no per-row foreign-key triggers to organisation/account on findings (resource_id implies both).
-- DropForeignKey
ALTER TABLE "findings" DROP CONSTRAINT "findings_account_id_fkey";

-- DropForeignKey
ALTER TABLE "findings" DROP CONSTRAINT "findings_org_id_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "scan_runs_one_in_flight" ON "scan_runs"("account_id") WHERE (status = ANY (ARRAY['QUEUED'::"ScanStatus", 'RUNNING'::"ScanStatus"]));

