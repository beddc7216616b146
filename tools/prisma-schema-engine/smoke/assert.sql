-- Run by smoke.sh through `prisma db execute` after `migrate deploy`: raises (failing the command) unless the
-- hand-written parts of the migration arrived intact.
DO $$
BEGIN
  PERFORM set_config('app.org_id', 'org-1', true);
  IF current_org_id() IS DISTINCT FROM 'org-1' THEN
    RAISE EXCEPTION 'smoke: plpgsql function current_org_id() is missing or wrong';
  END IF;

  INSERT INTO "Org" (id, name) VALUES ('org-1', 'Org one');
  BEGIN
    INSERT INTO "finding" (org_id, score) VALUES ('org-1', 101);
    RAISE EXCEPTION 'smoke: CHECK finding_score_range did not reject score 101';
  EXCEPTION WHEN check_violation THEN
    NULL; -- expected
  END;

  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'finding' AND relrowsecurity AND relforcerowsecurity) THEN
    RAISE EXCEPTION 'smoke: row-level security is not enabled and forced on finding';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polname = 'finding_org_isolation') THEN
    RAISE EXCEPTION 'smoke: policy finding_org_isolation is missing';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.role_table_grants
                 WHERE grantee = 'PUBLIC' AND table_name = 'finding' AND privilege_type = 'SELECT') THEN
    RAISE EXCEPTION 'smoke: GRANT SELECT ON finding TO PUBLIC is missing';
  END IF;
  DELETE FROM "Org" WHERE id = 'org-1';
END $$;
