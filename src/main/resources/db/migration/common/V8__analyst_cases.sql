-- The analyst exchange keeps its own record of each case it handed over: the analyst reference, the case it
-- stands for, whether the case is still open, and the item references sent. Result events are checked against
-- this record rather than against the young people's cases. A case erased with its account takes its record
-- with it.
CREATE TABLE analyst_case (
    analyst_reference VARCHAR(24) NOT NULL PRIMARY KEY,
    case_id           VARCHAR(36) NOT NULL REFERENCES report_case (id) ON DELETE CASCADE,
    case_open         BOOLEAN     NOT NULL,
    version           BIGINT      NOT NULL,
    CONSTRAINT analyst_case_case_unique UNIQUE (case_id)
);

CREATE TABLE analyst_case_item (
    analyst_reference VARCHAR(24) NOT NULL REFERENCES analyst_case (analyst_reference) ON DELETE CASCADE,
    item_reference    VARCHAR(24) NOT NULL,
    PRIMARY KEY (analyst_reference, item_reference)
);

-- Cases handed over before this record existed.
INSERT INTO analyst_case (analyst_reference, case_id, case_open, version)
SELECT analyst_reference, id, status <> 'WITHDRAWN', 1 FROM report_case;

INSERT INTO analyst_case_item (analyst_reference, item_reference)
SELECT c.analyst_reference, i.item_reference FROM case_item i JOIN report_case c ON c.id = i.case_id;
