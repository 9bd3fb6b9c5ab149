CREATE TABLE "rls_audit_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" varchar(255),
	"user_id" integer,
	"company_id" integer,
	"policy_id" integer,
	"entity_type" varchar(100) NOT NULL,
	"entity_id" integer,
	"action" varchar(10) NOT NULL,
	"access_granted" boolean NOT NULL,
	"denial_reason" text,
	"table_name" varchar(100),
	"ip_address" varchar(45),
	"user_agent" text,
	"request_method" varchar(10),
	"request_path" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rls_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"entity_type" varchar(100) NOT NULL,
	"table_name" varchar(100) NOT NULL,
	"policy_type" varchar(30) NOT NULL,
	"action" varchar(10) NOT NULL,
	"condition_column" varchar(100),
	"filter" jsonb,
	"required_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"company_id" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "rls_audit_logs" ADD CONSTRAINT "rls_audit_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rls_audit_logs" ADD CONSTRAINT "rls_audit_logs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rls_audit_logs" ADD CONSTRAINT "rls_audit_logs_policy_id_rls_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."rls_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rls_policies" ADD CONSTRAINT "rls_policies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rls_policies" ADD CONSTRAINT "rls_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rls_audit_logs_created_idx" ON "rls_audit_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "rls_audit_logs_company_idx" ON "rls_audit_logs" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "rls_audit_logs_denied_idx" ON "rls_audit_logs" USING btree ("entity_type") WHERE not "rls_audit_logs"."access_granted";--> statement-breakpoint
CREATE UNIQUE INDEX "rls_policies_name_uq" ON "rls_policies" USING btree ("name");--> statement-breakpoint
CREATE INDEX "rls_policies_entity_idx" ON "rls_policies" USING btree ("entity_type","action");--> statement-breakpoint
-- both tables are company-scoped (a null company: a policy of every company / a log row without one)
SELECT fastvue_secure_company_table('rls_policies');
--> statement-breakpoint
SELECT fastvue_secure_company_table('rls_audit_logs');
--> statement-breakpoint
-- a policy row that goes (deleted, or with its company) takes its PostgreSQL policy with it
CREATE OR REPLACE FUNCTION fastvue_rls_policy_gone() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF to_regclass(format('public.%I', OLD.table_name)) IS NOT NULL THEN
    EXECUTE format('DROP POLICY IF EXISTS %I ON public.%I', 'fastvue_rls_' || OLD.id, OLD.table_name);
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER rls_policies_gone AFTER DELETE ON rls_policies FOR EACH ROW EXECUTE FUNCTION fastvue_rls_policy_gone();
