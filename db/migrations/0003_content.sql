CREATE TABLE "plan_baselines" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"saved_at" text NOT NULL,
	"tasks" jsonb NOT NULL,
	CONSTRAINT "plan_baselines_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_budget_lines" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"planned" numeric(16, 2) NOT NULL,
	"actual" numeric(16, 2) NOT NULL,
	"currency" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_budget_lines_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_deliverables" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"owner_id" text,
	"due_date" date,
	"acceptance_criteria" text NOT NULL,
	"status" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_deliverables_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_dependencies" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"from_task" text NOT NULL,
	"to_task" text NOT NULL,
	"type" text NOT NULL,
	"lag" integer NOT NULL,
	CONSTRAINT "plan_dependencies_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_holidays" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "plan_holidays_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_objectives" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"metric" text NOT NULL,
	"baseline" double precision,
	"target" double precision,
	"current_value" double precision,
	"unit" text NOT NULL,
	"due_date" date,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_objectives_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_raci_cells" (
	"plan_id" uuid NOT NULL,
	"row_id" text NOT NULL,
	"column_id" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "plan_raci_cells_plan_id_row_id_column_id_pk" PRIMARY KEY("plan_id","row_id","column_id")
);
--> statement-breakpoint
CREATE TABLE "plan_raci_columns" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_raci_columns_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_resources" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"user_id" text,
	"allocation" double precision NOT NULL,
	"notes" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_resources_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_risks" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"owner_id" text,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"score" integer NOT NULL,
	"trigger" text NOT NULL,
	"mitigation" text NOT NULL,
	"contingency" text NOT NULL,
	"status" text NOT NULL,
	"linked_task_ids" jsonb NOT NULL,
	"review_date" date,
	CONSTRAINT "plan_risks_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_scope_items" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_scope_items_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_swot_items" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quadrant" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_swot_items_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ALTER COLUMN "parent_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ALTER COLUMN "deliverable_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ALTER COLUMN "assignee_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD COLUMN "strategy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD COLUMN "scope_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD COLUMN "settings" jsonb;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD COLUMN "completeness" integer;--> statement-breakpoint
ALTER TABLE "plan_projections" ADD COLUMN "percent_complete" integer;--> statement-breakpoint
ALTER TABLE "plan_baselines" ADD CONSTRAINT "plan_baselines_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_budget_lines" ADD CONSTRAINT "plan_budget_lines_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deliverables" ADD CONSTRAINT "plan_deliverables_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_holidays" ADD CONSTRAINT "plan_holidays_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_raci_cells" ADD CONSTRAINT "plan_raci_cells_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_raci_columns" ADD CONSTRAINT "plan_raci_columns_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_risks" ADD CONSTRAINT "plan_risks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_scope_items" ADD CONSTRAINT "plan_scope_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_swot_items" ADD CONSTRAINT "plan_swot_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_risks_score_idx" ON "plan_risks" USING btree ("score");