CREATE TABLE "event_outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"operation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"audience" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "event_outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "event_outbox_operation_seq_idx" ON "event_outbox" USING btree ("operation_id","seq");--> statement-breakpoint
CREATE INDEX "event_outbox_at_idx" ON "event_outbox" USING btree ("at");