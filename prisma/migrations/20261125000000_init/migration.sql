-- Initial schema. Order matters: sg_uuid_v7() must exist before tables default to it;
-- the tenancy block (RLS, grants, system lookups) needs the tables.

-- UUIDv7: 48-bit Unix-ms timestamp + random bits, so ids sort by creation time and append to
-- B-tree indexes instead of scattering (PG15 has no built-in uuidv7()).
CREATE OR REPLACE FUNCTION sg_uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $fn$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1), 'hex')::uuid
$fn$;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'SECURITY_OFFICER', 'AUDITOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "CloudProvider" AS ENUM ('AWS', 'AZURE');

-- CreateEnum
CREATE TYPE "ScopeMode" AS ENUM ('ALL', 'PHI_TAGGED');

-- CreateEnum
CREATE TYPE "CloudAccountStatus" AS ENUM ('PENDING', 'ACTIVE', 'ROLE_NOT_ASSUMABLE', 'EXTERNAL_ID_MISMATCH', 'MISSING_PERMISSION', 'CONFIG_NOT_ENABLED', 'AZURE_CREDENTIALS_INVALID', 'AZURE_CREDENTIALS_EXPIRED', 'UNREACHABLE', 'DISABLED');

-- CreateEnum
CREATE TYPE "ScanKind" AS ENUM ('FULL', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "ScanTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'ONBOARDING');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ScanPhase" AS ENUM ('QUEUED', 'ASSUMING_ROLE', 'COLLECTING', 'EVALUATING', 'RECONCILING', 'DONE');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('PASS', 'FAIL', 'ERROR', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "FindingEventKind" AS ENUM ('OPENED', 'RESOLVED', 'REGRESSED', 'ERRORED', 'RESOURCE_DELETED', 'FIRST_SEEN');

-- CreateEnum
CREATE TYPE "ExceptionScope" AS ENUM ('FINDING', 'CHECK_ON_ACCOUNT', 'TAG');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "EvidencePackStatus" AS ENUM ('QUEUED', 'BUILDING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope_mode" "ScopeMode" NOT NULL DEFAULT 'ALL',
    "phi_tags" JSONB NOT NULL DEFAULT '[{"key":"PHI","values":["true","yes"]},{"key":"DataClassification","values":["PHI","ePHI"]}]',
    "non_prod_tags" JSONB NOT NULL DEFAULT '[{"key":"Environment","values":["dev","development","test","staging","qa"]}]',
    "require_mfa" BOOLEAN NOT NULL DEFAULT false,
    "session_idle_minutes" INTEGER NOT NULL DEFAULT 15,
    "full_scan_interval_minutes" INTEGER NOT NULL DEFAULT 360,
    "quick_scan_interval_minutes" INTEGER DEFAULT 15,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "mfa_secret_enc" BYTEA,
    "mfa_enabled_at" TIMESTAMPTZ(3),
    "recovery_code_hashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "oidc_subject" TEXT,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cloud_accounts" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "name" TEXT NOT NULL,
    "external_account_id" TEXT NOT NULL,
    "status" "CloudAccountStatus" NOT NULL DEFAULT 'PENDING',
    "aws_role_arn" TEXT,
    "aws_external_id" TEXT,
    "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "azure_tenant_id" TEXT,
    "azure_client_id" TEXT,
    "azure_client_secret_enc" BYTEA,
    "azure_secret_expires_at" TIMESTAMPTZ(3),
    "full_scan_interval_minutes" INTEGER,
    "quick_scan_interval_minutes" INTEGER,
    "last_scan_id" UUID,
    "last_scan_at" TIMESTAMPTZ(3),
    "last_full_scan_at" TIMESTAMPTZ(3),
    "change_watermark" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_code" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "cloud_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_runs" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "kind" "ScanKind" NOT NULL,
    "trigger" "ScanTrigger" NOT NULL,
    "status" "ScanStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" "ScanPhase" NOT NULL DEFAULT 'QUEUED',
    "progress_message" TEXT,
    "resources_collected" INTEGER NOT NULL DEFAULT 0,
    "resources_evaluated" INTEGER NOT NULL DEFAULT 0,
    "resources_expected" INTEGER,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "region_coverage" JSONB NOT NULL DEFAULT '[]',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "timings" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "error_code" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "cancel_requested_at" TIMESTAMPTZ(3),
    "changed_since" TIMESTAMPTZ(3),
    "watermark" TIMESTAMPTZ(3),
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "scan_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resources" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "native_id" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "configuration" JSONB NOT NULL DEFAULT '{}',
    "supplementary" JSONB NOT NULL DEFAULT '{}',
    "relationships" JSONB NOT NULL DEFAULT '[]',
    "config_hash" TEXT NOT NULL,
    "in_scope" BOOLEAN NOT NULL DEFAULT true,
    "captured_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "check_id" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL,
    "severity" "Severity" NOT NULL,
    "resource_type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "in_scope" BOOLEAN NOT NULL DEFAULT true,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "exception_id" UUID,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_events" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "check_id" TEXT NOT NULL,
    "scan_run_id" UUID,
    "kind" "FindingEventKind" NOT NULL,
    "from_status" "FindingStatus",
    "to_status" "FindingStatus" NOT NULL,
    "severity" "Severity" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exceptions" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "scope" "ExceptionScope" NOT NULL,
    "finding_id" UUID,
    "check_id" TEXT,
    "account_id" UUID,
    "tag_key" TEXT,
    "tag_value" TEXT,
    "justification" TEXT NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'PENDING',
    "requested_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "decision_note" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manual_controls" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "citation" TEXT NOT NULL,
    "owner_user_id" UUID,
    "statement" TEXT NOT NULL DEFAULT '',
    "review_interval_days" INTEGER NOT NULL DEFAULT 365,
    "last_attested_at" TIMESTAMPTZ(3),
    "next_review_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "manual_controls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manual_control_attestations" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "manual_control_id" UUID NOT NULL,
    "attested_by_id" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "evidence_file_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "attested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "manual_control_attestations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compliance_snapshots" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "account_id" UUID,
    "day" DATE NOT NULL,
    "pass_count" INTEGER NOT NULL DEFAULT 0,
    "fail_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "suppressed_count" INTEGER NOT NULL DEFAULT 0,
    "weighted_pass" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "weighted_total" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "resource_count" INTEGER NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_subscriptions" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "min_severity" "Severity" NOT NULL DEFAULT 'HIGH',
    "account_id" UUID,
    "event_kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "scan_run_id" UUID,
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_packs" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "status" "EvidencePackStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "progress_message" TEXT,
    "file_id" UUID,
    "sha256" TEXT,
    "signature" TEXT,
    "signing_key_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "evidence_packs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT sg_uuid_v7(),
    "org_id" UUID,
    "actor_user_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_org_id_user_id_key" ON "memberships"("org_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_org_id_email_idx" ON "invitations"("org_id", "email");

-- CreateIndex
CREATE INDEX "cloud_accounts_org_id_status_idx" ON "cloud_accounts"("org_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "cloud_accounts_org_id_provider_external_account_id_key" ON "cloud_accounts"("org_id", "provider", "external_account_id");

-- CreateIndex
CREATE INDEX "scan_runs_org_id_account_id_queued_at_idx" ON "scan_runs"("org_id", "account_id", "queued_at" DESC);

-- CreateIndex
CREATE INDEX "scan_runs_status_lease_expires_at_idx" ON "scan_runs"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "resources_org_id_resource_type_idx" ON "resources"("org_id", "resource_type");

-- CreateIndex
CREATE INDEX "resources_org_id_account_id_region_idx" ON "resources"("org_id", "account_id", "region");

-- CreateIndex
CREATE INDEX "resources_account_id_resource_type_resource_id_idx" ON "resources"("account_id", "resource_type", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "resources_account_id_native_id_key" ON "resources"("account_id", "native_id");

-- CreateIndex
CREATE INDEX "findings_org_id_status_severity_idx" ON "findings"("org_id", "status", "severity");

-- CreateIndex
CREATE INDEX "findings_org_id_check_id_status_idx" ON "findings"("org_id", "check_id", "status");

-- CreateIndex
CREATE INDEX "findings_org_id_account_id_status_idx" ON "findings"("org_id", "account_id", "status");

-- CreateIndex
CREATE INDEX "findings_org_id_last_changed_at_idx" ON "findings"("org_id", "last_changed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "findings_resource_id_check_id_key" ON "findings"("resource_id", "check_id");

-- CreateIndex
CREATE INDEX "finding_events_org_id_occurred_at_idx" ON "finding_events"("org_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "finding_events_finding_id_occurred_at_idx" ON "finding_events"("finding_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "finding_events_resource_id_occurred_at_idx" ON "finding_events"("resource_id", "occurred_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "finding_events_finding_id_scan_run_id_kind_key" ON "finding_events"("finding_id", "scan_run_id", "kind");

-- CreateIndex
CREATE INDEX "exceptions_org_id_status_expires_at_idx" ON "exceptions"("org_id", "status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "manual_controls_org_id_citation_key" ON "manual_controls"("org_id", "citation");

-- CreateIndex
CREATE INDEX "manual_control_attestations_manual_control_id_attested_at_idx" ON "manual_control_attestations"("manual_control_id", "attested_at" DESC);

-- CreateIndex
CREATE INDEX "stored_files_org_id_purpose_idx" ON "stored_files"("org_id", "purpose");

-- CreateIndex
CREATE INDEX "compliance_snapshots_org_id_day_idx" ON "compliance_snapshots"("org_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "compliance_snapshots_org_id_account_id_day_key" ON "compliance_snapshots"("org_id", "account_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "alert_subscriptions_org_id_user_id_account_id_key" ON "alert_subscriptions"("org_id", "user_id", "account_id");

-- CreateIndex
CREATE INDEX "notifications_status_available_at_idx" ON "notifications"("status", "available_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_org_id_kind_dedupe_key_key" ON "notifications"("org_id", "kind", "dedupe_key");

-- CreateIndex
CREATE INDEX "evidence_packs_org_id_created_at_idx" ON "evidence_packs"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_org_id_created_at_idx" ON "audit_logs"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_org_id_action_created_at_idx" ON "audit_logs"("org_id", "action", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cloud_accounts" ADD CONSTRAINT "cloud_accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_runs" ADD CONSTRAINT "scan_runs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_runs" ADD CONSTRAINT "scan_runs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_controls" ADD CONSTRAINT "manual_controls_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_control_attestations" ADD CONSTRAINT "manual_control_attestations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_control_attestations" ADD CONSTRAINT "manual_control_attestations_manual_control_id_fkey" FOREIGN KEY ("manual_control_id") REFERENCES "manual_controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_packs" ADD CONSTRAINT "evidence_packs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Tenancy: RLS on every org_id table, grants, append-only audit log, the narrow system path.
-- Tenancy, identifiers and the narrow system path. Runs as the migration owner.
-- Kept as its own file so that later migrations can re-run sg_apply_tenant_rls() after adding tables.

-- UUIDv7: 48-bit Unix-ms timestamp + random bits, so ids sort by creation time and append to
-- B-tree indexes instead of scattering (PG15 has no built-in uuidv7()).
CREATE OR REPLACE FUNCTION sg_uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $fn$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1), 'hex')::uuid
$fn$;

-- The organisation the current transaction acts for; NULL (sees nothing) when unset.
CREATE OR REPLACE FUNCTION sg_current_org() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT nullif(current_setting('app.org_id', true), '')::uuid
$fn$;

-- The application role: no BYPASSRLS, owns nothing. services.sh gives it LOGIN and a password.
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safeguard_app') THEN
    CREATE ROLE safeguard_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$do$;

-- Applies ENABLE + FORCE row-level security and the tenant policy to every table that has an
-- org_id column, and grants the app role DML on every table. Idempotent: each migration that adds
-- tables ends with SELECT sg_apply_tenant_rls(); a test proves no tenant table escaped it.
CREATE OR REPLACE FUNCTION sg_apply_tenant_rls() RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.table_name
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'org_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.table_name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = sg_current_org()) WITH CHECK (org_id = sg_current_org())', t.table_name);
  END LOOP;

  ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
  ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS tenant_isolation ON organizations;
  CREATE POLICY tenant_isolation ON organizations USING (id = sg_current_org()) WITH CHECK (id = sg_current_org());

  GRANT USAGE ON SCHEMA public TO safeguard_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO safeguard_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO safeguard_app;
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE _prisma_migrations FROM safeguard_app;
  END IF;
  -- The audit log is append-only for the application.
  REVOKE UPDATE, DELETE ON TABLE audit_logs FROM safeguard_app;
END
$fn$;

-- Append-only audit log, also for the owner: history cannot be rewritten from SQL by accident.
CREATE OR REPLACE FUNCTION sg_audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;
DROP TRIGGER IF EXISTS audit_logs_append_only ON audit_logs;
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION sg_audit_logs_append_only();

-- ---------------------------------------------------------------------------------------------
-- The narrow system path. Background jobs and sign-in must find which organisation a row belongs
-- to before they can act under withTenant(). Each function answers one question, returns ids and
-- the few fields needed, and is the only way the app role can look across tenants.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION sg_org_of_cloud_account(p_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT org_id FROM cloud_accounts WHERE id = p_id
$fn$;

CREATE OR REPLACE FUNCTION sg_org_of_scan_run(p_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT org_id FROM scan_runs WHERE id = p_id
$fn$;

CREATE OR REPLACE FUNCTION sg_org_of_evidence_pack(p_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT org_id FROM evidence_packs WHERE id = p_id
$fn$;

CREATE OR REPLACE FUNCTION sg_org_of_notification(p_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT org_id FROM notifications WHERE id = p_id
$fn$;

CREATE OR REPLACE FUNCTION sg_org_id_by_slug(p_slug text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT id FROM organizations WHERE slug = p_slug
$fn$;

CREATE OR REPLACE FUNCTION sg_slug_taken(p_slug text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = p_slug)
$fn$;

CREATE OR REPLACE FUNCTION sg_memberships_of_user(p_user_id uuid)
RETURNS TABLE (org_id uuid, slug text, name text, role text, require_mfa boolean, session_idle_minutes int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT o.id, o.slug, o.name, m.role::text, o.require_mfa, o.session_idle_minutes
  FROM memberships m JOIN organizations o ON o.id = m.org_id
  WHERE m.user_id = p_user_id
  ORDER BY o.name
$fn$;

CREATE OR REPLACE FUNCTION sg_invitation_by_token_hash(p_hash text)
RETURNS TABLE (id uuid, org_id uuid, email text, role text, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT id, org_id, email, role::text, expires_at, accepted_at, revoked_at FROM invitations WHERE token_hash = p_hash
$fn$;

-- What the scheduler needs to keep one job scheduler per active account.
CREATE OR REPLACE FUNCTION sg_accounts_to_schedule()
RETURNS TABLE (account_id uuid, org_id uuid, full_interval_minutes int, quick_interval_minutes int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT a.id, a.org_id,
         coalesce(a.full_scan_interval_minutes, o.full_scan_interval_minutes),
         coalesce(a.quick_scan_interval_minutes, o.quick_scan_interval_minutes)
  FROM cloud_accounts a JOIN organizations o ON o.id = a.org_id
  WHERE a.deleted_at IS NULL AND a.status <> 'DISABLED'
$fn$;

-- Watchdog: scans whose lease ran out (their worker died or hung).
CREATE OR REPLACE FUNCTION sg_expired_scan_leases(p_now timestamptz)
RETURNS TABLE (scan_run_id uuid, org_id uuid, account_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT id, org_id, account_id FROM scan_runs
  WHERE status = 'RUNNING' AND lease_expires_at < p_now
$fn$;

-- Outbox delivery: pending notifications across organisations (ids only).
CREATE OR REPLACE FUNCTION sg_pending_notifications(p_now timestamptz, p_limit int)
RETURNS TABLE (notification_id uuid, org_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT id, org_id FROM notifications
  WHERE status = 'PENDING' AND available_at <= p_now
  ORDER BY available_at LIMIT p_limit
$fn$;

-- Periodic maintenance (exception lapse, snapshot roll-over) walks organisations by id.
CREATE OR REPLACE FUNCTION sg_all_org_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT id FROM organizations ORDER BY id
$fn$;

-- Platform audit events that belong to no organisation (e.g. failed sign-in for an unknown email).
CREATE OR REPLACE FUNCTION sg_audit_platform_event(p_action text, p_actor_email text, p_ip text, p_user_agent text, p_metadata jsonb)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
  INSERT INTO audit_logs (id, org_id, actor_email, action, ip, user_agent, metadata)
  VALUES (sg_uuid_v7(), NULL, p_actor_email, p_action, p_ip, p_user_agent, coalesce(p_metadata, '{}'::jsonb))
$fn$;

-- Start-up check: which migrations are applied (the app role cannot read _prisma_migrations).
CREATE OR REPLACE FUNCTION sg_applied_migrations() RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NULL THEN RETURN; END IF;
  RETURN QUERY EXECUTE 'SELECT migration_name::text FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';
END
$fn$;

REVOKE ALL ON FUNCTION sg_org_of_cloud_account(uuid), sg_org_of_scan_run(uuid), sg_org_of_evidence_pack(uuid),
  sg_org_of_notification(uuid), sg_org_id_by_slug(text), sg_slug_taken(text), sg_memberships_of_user(uuid),
  sg_invitation_by_token_hash(text), sg_accounts_to_schedule(), sg_expired_scan_leases(timestamptz),
  sg_pending_notifications(timestamptz, int), sg_all_org_ids(), sg_audit_platform_event(text, text, text, text, jsonb), sg_applied_migrations()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sg_org_of_cloud_account(uuid), sg_org_of_scan_run(uuid), sg_org_of_evidence_pack(uuid),
  sg_org_of_notification(uuid), sg_org_id_by_slug(text), sg_slug_taken(text), sg_memberships_of_user(uuid),
  sg_invitation_by_token_hash(text), sg_accounts_to_schedule(), sg_expired_scan_leases(timestamptz),
  sg_pending_notifications(timestamptz, int), sg_all_org_ids(), sg_audit_platform_event(text, text, text, text, jsonb), sg_applied_migrations()
  TO safeguard_app;

SELECT sg_apply_tenant_rls();
