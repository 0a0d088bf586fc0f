-- Consent to follow-up is given per helpline partner (a configured client with the counsellor role). One row per
-- case and partner; '*' stands for every helpline partner, which is what a young person agreed to when they named
-- none, and what every case that consented before consent was per partner keeps. follow_up_consented stays the
-- yes or no. Erased with the case.
CREATE TABLE case_consent (
    case_id  VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    partner  VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, partner)
);
CREATE INDEX case_consent_partner ON case_consent (partner, case_id);

INSERT INTO case_consent (case_id, partner)
SELECT id, '*' FROM report_case WHERE follow_up_consented = TRUE;
