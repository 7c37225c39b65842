CREATE TABLE "plan_part_requests" (
	"plan_id" uuid NOT NULL,
	"part" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_part_requests_plan_id_part_pk" PRIMARY KEY("plan_id","part")
);
--> statement-breakpoint
ALTER TABLE "plan_part_signoffs" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "plan_part_requests" ADD CONSTRAINT "plan_part_requests_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_part_requests" ADD CONSTRAINT "plan_part_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;