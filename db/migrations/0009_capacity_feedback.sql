CREATE TABLE "plan_part_approvers" (
	"plan_id" uuid NOT NULL,
	"part" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_part_approvers_plan_id_part_user_id_pk" PRIMARY KEY("plan_id","part","user_id")
);
--> statement-breakpoint
CREATE TABLE "plan_part_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"part" text NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" "signoff_decision" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_resource_requests" (
	"plan_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"what" text NOT NULL,
	"why" text NOT NULL,
	"estimated_cost" numeric(16, 2) NOT NULL,
	"status" text NOT NULL,
	"sort_order" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_resource_requests_plan_id_id_pk" PRIMARY KEY("plan_id","id")
);
--> statement-breakpoint
CREATE TABLE "share_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"section" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply" text,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plan_resources" ADD COLUMN "capacity_hours_per_week" double precision DEFAULT 40 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD COLUMN "absences" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "allow_feedback" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "allow_downloads" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_part_approvers" ADD CONSTRAINT "plan_part_approvers_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_part_approvers" ADD CONSTRAINT "plan_part_approvers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_part_signoffs" ADD CONSTRAINT "plan_part_signoffs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_part_signoffs" ADD CONSTRAINT "plan_part_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resource_requests" ADD CONSTRAINT "plan_resource_requests_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_feedback" ADD CONSTRAINT "share_feedback_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_feedback" ADD CONSTRAINT "share_feedback_link_id_share_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."share_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_feedback" ADD CONSTRAINT "share_feedback_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_part_signoffs_plan_idx" ON "plan_part_signoffs" USING btree ("plan_id","part","created_at");--> statement-breakpoint
CREATE INDEX "share_feedback_plan_idx" ON "share_feedback" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "share_feedback_link_idx" ON "share_feedback" USING btree ("link_id");