-- Rows that reached the sealer out of time order (dated well before rows already sealed, or in the future) are
-- flagged as they are chained, and the flag is part of the row's link, so it cannot be cleared unnoticed. The
-- head keeps the latest time sealed so far, the yardstick for the next rows.
ALTER TABLE audit_event ADD COLUMN out_of_order BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE audit_chain_head ADD COLUMN sealed_until TIMESTAMP WITH TIME ZONE;
