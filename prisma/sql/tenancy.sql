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
