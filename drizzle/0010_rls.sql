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
  cond := '(current_setting(''fastvue.is_superuser'', true) = ''true'''
    || CASE WHEN nullable THEN ' OR company_id IS NULL' ELSE '' END
    || ' OR company_id = ANY (coalesce(nullif(current_setting(''fastvue.company_ids'', true), ''''), ''{}'')::int[]))';
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
  USING (current_setting('fastvue.is_superuser', true) = 'true'
    OR company_id = ANY (coalesce(nullif(current_setting('fastvue.company_ids', true), ''), '{}')::int[])
    OR (company_id IS NULL AND user_id = nullif(current_setting('fastvue.user_id', true), '')::int))
  WITH CHECK (current_setting('fastvue.is_superuser', true) = 'true'
    OR company_id = ANY (coalesce(nullif(current_setting('fastvue.company_ids', true), ''), '{}')::int[])
    OR (company_id IS NULL AND user_id = nullif(current_setting('fastvue.user_id', true), '')::int));
--> statement-breakpoint
DROP POLICY IF EXISTS fastvue_company ON activity_logs;
--> statement-breakpoint
CREATE POLICY fastvue_company ON activity_logs AS PERMISSIVE FOR ALL TO fastvue_app
  USING (current_setting('fastvue.is_superuser', true) = 'true'
    OR company_id = ANY (coalesce(nullif(current_setting('fastvue.company_ids', true), ''), '{}')::int[])
    OR (company_id IS NULL AND user_id = nullif(current_setting('fastvue.user_id', true), '')::int))
  WITH CHECK (current_setting('fastvue.is_superuser', true) = 'true'
    OR company_id = ANY (coalesce(nullif(current_setting('fastvue.company_ids', true), ''), '{}')::int[])
    OR (company_id IS NULL AND user_id = nullif(current_setting('fastvue.user_id', true), '')::int));
