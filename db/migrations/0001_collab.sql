CREATE TABLE "collab_snapshots" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL,
	"merged_updates" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_projections" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"schema_version" integer NOT NULL,
	"task_count" integer DEFAULT 0 NOT NULL,
	"invalid_rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"kind" text DEFAULT 'task' NOT NULL,
	"parent_id" uuid,
	"deliverable_id" uuid,
	"assignee_id" uuid,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_tasks_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD CONSTRAINT "plan_projections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_updates_plan_idx" ON "collab_updates" USING btree ("plan_id","id");--> statement-breakpoint
CREATE INDEX "plan_tasks_assignee_idx" ON "plan_tasks" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_dates_idx" ON "plan_tasks" USING btree ("start_date","end_date");