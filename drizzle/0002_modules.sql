CREATE TABLE "module_migrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"module" varchar(100) NOT NULL,
	"name" varchar(200) NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"status" varchar(20) NOT NULL,
	"down_sql" text,
	"applied_at" timestamp with time zone,
	"rolled_back_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "module_migrations_status_check" CHECK ("module_migrations"."status" in ('applied', 'rolled_back', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "module_operations" (
	"id" serial PRIMARY KEY NOT NULL,
	"module" varchar(100) NOT NULL,
	"operation" varchar(20) NOT NULL,
	"status" varchar(20) NOT NULL,
	"from_version" varchar(50),
	"to_version" varchar(50),
	"user_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"error" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"state" varchar(20) DEFAULT 'uninstalled' NOT NULL,
	"version" varchar(50),
	"manifest" jsonb,
	"manifest_checksum" varchar(64),
	"tables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"installed_at" timestamp with time zone,
	"installed_by" integer,
	"uninstalled_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	CONSTRAINT "modules_name_unique" UNIQUE("name"),
	CONSTRAINT "modules_state_check" CHECK ("modules"."state" in ('uninstalled', 'installed', 'to_upgrade', 'to_remove'))
);
--> statement-breakpoint
ALTER TABLE "module_operations" ADD CONSTRAINT "module_operations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modules" ADD CONSTRAINT "modules_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "module_migrations_module_name_unique" ON "module_migrations" USING btree ("module","name");--> statement-breakpoint
CREATE INDEX "module_operations_module_idx" ON "module_operations" USING btree ("module","started_at");