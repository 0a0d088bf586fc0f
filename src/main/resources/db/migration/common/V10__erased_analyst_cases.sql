-- Analyst references whose case was erased with its account. The analyst side may still hold the case (a
-- detached case keeps its blocking) and send results for it for years: they are recorded as ignored instead of
-- being rejected as unknown for ever. Only the reference is kept: no case id, no account id, no time, so the row
-- cannot be tied back to anyone.
CREATE TABLE analyst_erased_case (
    analyst_reference VARCHAR(24) NOT NULL PRIMARY KEY
);
