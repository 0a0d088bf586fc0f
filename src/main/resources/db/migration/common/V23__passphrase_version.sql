-- Counts the account's passphrase changes. Each access token carries the count it was issued under, so a change
-- ends every earlier sign-in exactly, even one started in the same second (token issue times are whole seconds).
ALTER TABLE account ADD COLUMN passphrase_version INTEGER DEFAULT 0 NOT NULL;
