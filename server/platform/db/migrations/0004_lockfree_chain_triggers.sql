-- Lock-free audit chain (docs/adr/0002-lock-free-audit-chain.md).
-- Writers insert content only: `seq` from a sequence, `chain_pos`/`prev_hash`/`hash` NULL. The chainer
-- (server/platform/audit.ts) fills those three once per entry after commit. Everything else stays refused.

-- Existing entries were chained in seq order, 1..N without gaps: their chain position is their seq.
-- (The old trigger refuses every UPDATE, so switch it off for the backfill, inside this migration's transaction.)
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
UPDATE audit_log SET chain_pos = seq WHERE chain_pos IS NULL;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS audit_log_seq_seq AS bigint OWNED BY audit_log.seq;
--> statement-breakpoint
SELECT setval('audit_log_seq_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq');
--> statement-breakpoint
-- An entry is inserted unchained: nobody can insert a pre-chained (forged) link or squat a chain position.
CREATE OR REPLACE FUNCTION audit_log_insert_unchained() RETURNS trigger AS $$
BEGIN
  IF NEW.chain_pos IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
    RAISE EXCEPTION 'audit_log entries are inserted unchained';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_insert_unchained ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_insert_unchained BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_insert_unchained();
--> statement-breakpoint
-- The one UPDATE allowed: chaining an unchained entry (all three chain columns from NULL to set), nothing else changed.
CREATE OR REPLACE FUNCTION audit_log_chain_once() RETURNS trigger AS $$
BEGIN
  IF OLD.chain_pos IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
     AND NEW.chain_pos IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - 'chain_pos' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'chain_pos' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_chain_once ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain_once BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain_once();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Events: existing rows became visible in seq order (writers held the chain lock), so their delivery position is their seq.
UPDATE event_outbox SET pos = seq WHERE pos IS NULL;
