-- Row-level security enforced by PostgreSQL (docs/decisions.md, "Row-level security").
-- Requests of signed-in users run their queries under the role fastvue_app with the caller's
-- context in fastvue.* settings (server/kernel/rls.ts); migrations, the CLI, seeding and module
-- install run as the owner (this migration's role), which the policy fastvue_owner lets through.
-- The role is cluster-wide on PostgreSQL: created once, tolerant of concurrent creation.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fastvue_app') THEN
    CREATE ROLE fastvue_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- the connecting (owning) role switches to fastvue_app with SET LOCAL ROLE: it must be a member
  IF NOT pg_has_role(current_user, 'fastvue_app', 'MEMBER') THEN
    EXECUTE format('GRANT fastvue_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO fastvue_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fastvue_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fastvue_app;
--> statement-breakpoint
-- tables and sequences created later by the owner (core migrations, module install) are covered too
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fastvue_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fastvue_app;
--> statement-breakpoint
-- Whether the caller may reach rows of company `cid`: superusers; callers a global role or group
-- grants something (their permissions hold in every company: kernel/access/permissions.ts);
-- members; and holders of a role or group of that company (the app authorizes an action in the
-- record's company with exactly those grants, so RLS must not be narrower).
CREATE OR REPLACE FUNCTION fastvue_in_scope(cid int) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT current_setting('fastvue.is_superuser', true) = 'true'
    OR current_setting('fastvue.all_companies', true) = 'true'
    OR cid = ANY (coalesce(nullif(current_setting('fastvue.company_ids', true), ''), '{}')::int[])
    OR cid = ANY (coalesce(nullif(current_setting('fastvue.grant_company_ids', true), ''), '{}')::int[])
$$;
--> statement-breakpoint
-- Company isolation of one table with a company_id column: ENABLE + FORCE row-level security, the
-- owner's pass-through policy and the app role's company policy. A nullable company_id marks
-- global rows (no company): visible to and writable by every signed-in caller, as the services
-- allow today (they decide who may write them). Returns false for a table without company_id.
-- Called for every core table below and by module install for the tables a module creates.
CREATE OR REPLACE FUNCTION fastvue_secure_company_table(tbl text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  nullable boolean;
  cond text;
BEGIN
  SELECT c.is_nullable = 'YES' INTO nullable FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.table_name = tbl AND c.column_name = 'company_id';
  IF NOT FOUND THEN RETURN false; END IF;
  cond := CASE WHEN nullable THEN '(company_id IS NULL OR fastvue_in_scope(company_id))' ELSE '(fastvue_in_scope(company_id))' END;
  EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS fastvue_owner ON public.%I', tbl);
  EXECUTE format('CREATE POLICY fastvue_owner ON public.%I AS PERMISSIVE FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)', tbl);
  EXECUTE format('DROP POLICY IF EXISTS fastvue_company ON public.%I', tbl);
  EXECUTE format('CREATE POLICY fastvue_company ON public.%I AS PERMISSIVE FOR ALL TO fastvue_app USING %s WITH CHECK %s', tbl, cond, cond);
  RETURN true;
END $$;
--> statement-breakpoint
-- every company-scoped core table; user_sessions is not one (its company_id is the company the
-- session is signed into, not an owner: a session belongs to its user)
SELECT fastvue_secure_company_table(c.table_name::text)
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
  WHERE c.table_schema = 'public' AND c.column_name = 'company_id' AND c.table_name <> 'user_sessions';
--> statement-breakpoint
-- logs without a company are not shared rows: only their own actor sees them
DROP POLICY IF EXISTS fastvue_company ON audit_logs;
--> statement-breakpoint
CREATE POLICY fastvue_company ON audit_logs AS PERMISSIVE FOR ALL TO fastvue_app
  USING (fastvue_in_scope(company_id)
    OR (company_id IS NULL AND (current_setting('fastvue.is_superuser', true) = 'true' OR user_id = nullif(current_setting('fastvue.user_id', true), '')::int)))
  WITH CHECK (fastvue_in_scope(company_id)
    OR (company_id IS NULL AND (current_setting('fastvue.is_superuser', true) = 'true' OR user_id = nullif(current_setting('fastvue.user_id', true), '')::int)));
--> statement-breakpoint
DROP POLICY IF EXISTS fastvue_company ON activity_logs;
--> statement-breakpoint
CREATE POLICY fastvue_company ON activity_logs AS PERMISSIVE FOR ALL TO fastvue_app
  USING (fastvue_in_scope(company_id)
    OR (company_id IS NULL AND (current_setting('fastvue.is_superuser', true) = 'true' OR user_id = nullif(current_setting('fastvue.user_id', true), '')::int)))
  WITH CHECK (fastvue_in_scope(company_id)
    OR (company_id IS NULL AND (current_setting('fastvue.is_superuser', true) = 'true' OR user_id = nullif(current_setting('fastvue.user_id', true), '')::int)));
--> statement-breakpoint
-- a change to a user is filed in every company they belong to (kernel/audit.ts): the actor may
-- file their own audit row into a company they are not a member of, and read which companies
-- those are, without seeing anything else there
CREATE POLICY fastvue_actor_files ON audit_logs AS PERMISSIVE FOR INSERT TO fastvue_app
  WITH CHECK (user_id = nullif(current_setting('fastvue.user_id', true), '')::int);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fastvue_member_companies(uid int) RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(company_id ORDER BY company_id), '{}') FROM user_company_roles WHERE user_id = uid
$$;
--> statement-breakpoint
-- memberships are how the app decides (how many hold a role, whether a user belongs elsewhere
-- before deleting them): readable across companies, written only within the caller's scope
CREATE POLICY fastvue_membership_read ON user_company_roles AS PERMISSIVE FOR SELECT TO fastvue_app USING (true);
