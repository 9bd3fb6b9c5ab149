-- Access rules installed as RESTRICTIVE row-level security policies (docs/decisions.md, "Access
-- rules decide which records"). The policies themselves are written by the app
-- (server/kernel/access/rule-policies.ts) whenever an entity's rules change; these are the
-- helpers they call.
--
-- `$CURRENT_USER.<field>`: a user's row, read as the owner — in a policy (a sub-query on users
-- inside a policy on users would recurse) and in the app's condition (under the app role the
-- rules may hide the caller's own row from them, and the variable must not change with that).
-- Wrapped in a scalar sub-query by both, so it runs once per statement.
CREATE OR REPLACE FUNCTION fastvue_user_row(uid int) RETURNS users
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.* FROM users u WHERE u.id = uid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fastvue_current_user() RETURNS users
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.* FROM users u WHERE u.id = nullif(current_setting('fastvue.user_id', true), '')::int
$$;
--> statement-breakpoint
-- Whether a group's rules apply to the caller: one of their groups (fastvue.group_ids: active
-- memberships of active groups) that is global or of the active company — loadRules' groupsOf
-- (server/kernel/access/rules.ts). Read at query time, so a group's company or activity can
-- change without rebuilding any policy.
CREATE OR REPLACE FUNCTION fastvue_rule_group_applies(gid int) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT gid = ANY (coalesce(nullif(current_setting('fastvue.group_ids', true), ''), '{}')::int[])
    AND EXISTS (SELECT 1 FROM groups g WHERE g.id = gid AND g.is_active = true
      AND (g.company_id IS NULL OR g.company_id = nullif(current_setting('fastvue.company_id', true), '')::int))
$$;
--> statement-breakpoint
-- `$CURRENT_GROUPS` in an access-rule policy: the caller's groups that apply in the active company
-- (the app's variable, rules.ts varsOf).
CREATE OR REPLACE FUNCTION fastvue_rule_groups() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(x.gid ORDER BY x.gid), '{}')
    FROM unnest(coalesce(nullif(current_setting('fastvue.group_ids', true), ''), '{}')::int[]) AS x(gid)
    WHERE fastvue_rule_group_applies(x.gid)
$$;
--> statement-breakpoint
-- A table that gets rule policies but has no row-level security yet (users, a module's table
-- without company_id): ENABLE + FORCE, and permissive pass-through policies for the owner and the
-- app role, so only the restrictive rule policies narrow it. A table already under RLS (company
-- isolation) is left as it is.
CREATE OR REPLACE FUNCTION fastvue_prepare_rule_table(tbl text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT c.relrowsecurity FROM pg_class c WHERE c.oid = format('public.%I', tbl)::regclass) THEN RETURN false; END IF;
  EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS fastvue_owner ON public.%I', tbl);
  EXECUTE format('CREATE POLICY fastvue_owner ON public.%I AS PERMISSIVE FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)', tbl);
  EXECUTE format('DROP POLICY IF EXISTS fastvue_pass ON public.%I', tbl);
  EXECUTE format('CREATE POLICY fastvue_pass ON public.%I AS PERMISSIVE FOR ALL TO fastvue_app USING (true) WITH CHECK (true)', tbl);
  RETURN true;
END $$;
--> statement-breakpoint
-- A relation in a rule policy reads the related rows through `fn(value)`, a SECURITY DEFINER
-- function returning the rows of `tbl` whose `col` = value, as the owner: a policy on a table that
-- reads the same table (companies' `parent`) would recurse, and the app's condition reads them as
-- the owner too. Created once, on first use, by the rule-policy rebuild (kernel/access/rule-policies.ts).
CREATE OR REPLACE FUNCTION fastvue_prepare_rule_relation(fn text, tbl text, col text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  typ text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = fn) THEN RETURN false; END IF;
  SELECT format_type(a.atttypid, NULL) INTO typ FROM pg_attribute a
    WHERE a.attrelid = format('public.%I', tbl)::regclass AND a.attname = col AND NOT a.attisdropped;
  IF typ IS NULL THEN RAISE EXCEPTION 'no column %.%', tbl, col; END IF;
  EXECUTE format('CREATE FUNCTION public.%I(v %s) RETURNS SETOF public.%I LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS %L',
    fn, typ, tbl, format('SELECT * FROM public.%I WHERE %I = v', tbl, col));
  RETURN true;
END $$;
