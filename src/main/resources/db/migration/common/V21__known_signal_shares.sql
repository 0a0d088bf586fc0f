-- Every item whose shared signals keep a value in the bank. known_signal.shared_item names one item only (the first
-- to share the value), so a value shared from two cases left the bank when the first was withdrawn although the
-- second still kept it. A value now leaves the bank when its last share goes; shared_item stays set on values that
-- sharing put in (and null on those an operator imported), so a withdrawal never takes out an imported value.
CREATE TABLE known_signal_share (
    signal_type     VARCHAR(10) NOT NULL,
    signal_value    VARCHAR(64) NOT NULL,
    item_reference  VARCHAR(24) NOT NULL,
    PRIMARY KEY (signal_type, signal_value, item_reference)
);
CREATE INDEX known_signal_share_item ON known_signal_share (item_reference);

INSERT INTO known_signal_share (signal_type, signal_value, item_reference)
    SELECT signal_type, signal_value, shared_item FROM known_signal WHERE shared_item IS NOT NULL;
