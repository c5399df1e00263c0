ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_pos" bigint;--> statement-breakpoint
ALTER TABLE "event_outbox" ADD COLUMN "pos" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_pos_uq" ON "audit_log" USING btree ("chain_pos");--> statement-breakpoint
CREATE INDEX "audit_log_unchained_idx" ON "audit_log" USING btree ("seq") WHERE chain_pos is null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_outbox_pos_uq" ON "event_outbox" USING btree ("pos");--> statement-breakpoint
CREATE INDEX "event_outbox_operation_pos_idx" ON "event_outbox" USING btree ("operation_id","pos");--> statement-breakpoint
CREATE INDEX "event_outbox_unsequenced_idx" ON "event_outbox" USING btree ("seq") WHERE pos is null;