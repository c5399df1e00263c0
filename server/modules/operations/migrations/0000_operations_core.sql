CREATE TABLE "gate_counts" (
	"operation_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"gate_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"admitted" integer NOT NULL,
	"queue_estimate" integer,
	"received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "gate_counts_venue_id_gate_id_at_pk" PRIMARY KEY("venue_id","gate_id","at")
);
--> statement-breakpoint
CREATE TABLE "gate_status" (
	"operation_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"gate_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"admitted" integer NOT NULL,
	"queue_estimate" integer,
	"expected" integer,
	"state" text NOT NULL,
	CONSTRAINT "gate_status_venue_id_gate_id_pk" PRIMARY KEY("venue_id","gate_id")
);
--> statement-breakpoint
CREATE TABLE "incident_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	"assigned_at" timestamp (3) with time zone NOT NULL,
	"assigned_by" text NOT NULL,
	"acknowledged_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_links" (
	"incident_a" uuid NOT NULL,
	"incident_b" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "incident_links_incident_a_incident_b_pk" PRIMARY KEY("incident_a","incident_b")
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_label" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "incident_timeline_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"operation_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"zone_id" text,
	"gate_id" text,
	"lat" double precision,
	"lon" double precision,
	"accuracy_metres" double precision,
	"restricted" boolean NOT NULL,
	"reporter_actor_id" text NOT NULL,
	"reporter_label" text NOT NULL,
	"reporter_organisation_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "incidents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "personnel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rank" text,
	"unit" text,
	"phone" text,
	"user_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"msg_type" text NOT NULL,
	"references_alert_id" uuid,
	"category" text NOT NULL,
	"event" text NOT NULL,
	"urgency" text NOT NULL,
	"severity" text NOT NULL,
	"certainty" text NOT NULL,
	"venue_ids" jsonb NOT NULL,
	"area_desc" text NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"text" jsonb NOT NULL,
	"drafted_by_user_id" uuid NOT NULL,
	"drafted_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"approved_by_user_id" uuid,
	"approved_by" text,
	"rejected_reason" text,
	"identifier" text,
	"sent_at" timestamp (3) with time zone,
	"cap_xml" text,
	CONSTRAINT "public_alerts_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
ALTER TABLE "gate_counts" ADD CONSTRAINT "gate_counts_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_counts" ADD CONSTRAINT "gate_counts_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_status" ADD CONSTRAINT "gate_status_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_status" ADD CONSTRAINT "gate_status_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_personnel_id_personnel_id_fk" FOREIGN KEY ("personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_links" ADD CONSTRAINT "incident_links_incident_a_incidents_id_fk" FOREIGN KEY ("incident_a") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_links" ADD CONSTRAINT "incident_links_incident_b_incidents_id_fk" FOREIGN KEY ("incident_b") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporter_organisation_id_organisations_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel" ADD CONSTRAINT "personnel_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel" ADD CONSTRAINT "personnel_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel" ADD CONSTRAINT "personnel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_alerts" ADD CONSTRAINT "public_alerts_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_alerts" ADD CONSTRAINT "public_alerts_drafted_by_user_id_users_id_fk" FOREIGN KEY ("drafted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_alerts" ADD CONSTRAINT "public_alerts_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_assignments_uq" ON "incident_assignments" USING btree ("incident_id","personnel_id");--> statement-breakpoint
CREATE INDEX "incident_assignments_personnel_idx" ON "incident_assignments" USING btree ("personnel_id");--> statement-breakpoint
CREATE INDEX "incident_attachments_incident_idx" ON "incident_attachments" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_links_b_idx" ON "incident_links" USING btree ("incident_b");--> statement-breakpoint
CREATE INDEX "incident_timeline_incident_idx" ON "incident_timeline" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_idempotency_uq" ON "incidents" USING btree ("reporter_actor_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "incidents_operation_reported_idx" ON "incidents" USING btree ("operation_id","reported_at");--> statement-breakpoint
CREATE INDEX "incidents_venue_status_idx" ON "incidents" USING btree ("venue_id","status");--> statement-breakpoint
CREATE INDEX "personnel_organisation_idx" ON "personnel" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "personnel_user_idx" ON "personnel" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "public_alerts_operation_sent_idx" ON "public_alerts" USING btree ("operation_id","sent_at");--> statement-breakpoint
CREATE INDEX "public_alerts_state_idx" ON "public_alerts" USING btree ("state","created_at" desc);