CREATE TABLE "access_control_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"company_id" integer,
	"entity_type" varchar(100) NOT NULL,
	"operation" varchar(50) NOT NULL,
	"field_name" varchar(100),
	"condition" jsonb,
	"allowed_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"denied_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"denied_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_users" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"denied_users" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"company_id" integer,
	"entity_type" varchar(100) NOT NULL,
	"entity_id" varchar(100) NOT NULL,
	"user_id" integer,
	"role_id" integer,
	"group_id" integer,
	"operation" varchar(50) NOT NULL,
	"expires_at" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"granted_by" integer,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" integer,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "record_permissions_one_principal" CHECK (num_nonnulls("record_permissions"."user_id", "record_permissions"."role_id", "record_permissions"."group_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "access_control_lists" ADD CONSTRAINT "access_control_lists_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_control_lists" ADD CONSTRAINT "access_control_lists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_control_lists" ADD CONSTRAINT "access_control_lists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_permissions" ADD CONSTRAINT "record_permissions_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_control_lists_name_company_uq" ON "access_control_lists" USING btree ("name",coalesce("company_id", 0));--> statement-breakpoint
CREATE INDEX "access_control_lists_entity_idx" ON "access_control_lists" USING btree ("entity_type","operation") WHERE "access_control_lists"."is_active";--> statement-breakpoint
CREATE INDEX "record_permissions_record_idx" ON "record_permissions" USING btree ("entity_type","entity_id","operation") WHERE "record_permissions"."is_active";--> statement-breakpoint
CREATE INDEX "record_permissions_user_idx" ON "record_permissions" USING btree ("user_id") WHERE "record_permissions"."is_active";--> statement-breakpoint
-- company isolation (drizzle/0011_rls.sql) for the two new company-scoped tables
SELECT fastvue_secure_company_table('access_control_lists');
--> statement-breakpoint
SELECT fastvue_secure_company_table('record_permissions');
