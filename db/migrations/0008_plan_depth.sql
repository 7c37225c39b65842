CREATE TYPE "public"."plan_priority" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "plan_research_entries" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"entry_date" date,
	"participants" text NOT NULL,
	"findings" text NOT NULL,
	"linked_ids" jsonb NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_research_entries_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_stakeholders" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"interest" integer NOT NULL,
	"influence" integer NOT NULL,
	"deliverable_ids" jsonb NOT NULL,
	"channel" text NOT NULL,
	"frequency" text,
	"owner_id" text,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_stakeholders_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "priority" text DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "priority" "plan_priority" DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_research_entries" ADD CONSTRAINT "plan_research_entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_stakeholders" ADD CONSTRAINT "plan_stakeholders_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;