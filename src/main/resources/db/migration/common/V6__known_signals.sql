-- The bank of known signals, imported in bulk by operators: a submitted item whose signal matches one is
-- already known (and being blocked). Exact types match by value, PDQ by Hamming distance.
CREATE TABLE known_signal (
    signal_type  VARCHAR(10) NOT NULL,
    signal_value VARCHAR(64) NOT NULL,
    quality      INTEGER,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (signal_type, signal_value)
);
