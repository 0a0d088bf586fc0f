-- A message's words follow the reader's age band when it is read (a counsellor's correction to under 13 reaches
-- earlier messages too), so the band a message was written for is no longer kept.
ALTER TABLE inbox_message DROP COLUMN under_13;
