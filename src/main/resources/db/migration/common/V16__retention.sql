-- Retention: one lease row that a node takes before purging, so two nodes never purge at once, and indexes
-- that let each purge find what is past its time without reading whole tables.
CREATE TABLE retention_lease (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    holder     VARCHAR(36),
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO retention_lease (name, holder, held_until)
VALUES ('retention', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');

CREATE INDEX report_case_withdrawn ON report_case (withdrawn_at);
CREATE INDEX analyst_case_results_closed ON analyst_case_results (closed_at);
CREATE INDEX age_check_expiry ON age_check (expires_at);
CREATE INDEX case_submission_created ON case_submission (created_at);
CREATE INDEX case_submission_case ON case_submission (case_id);
CREATE INDEX outbox_message_created ON outbox_message (topic, created_at);
