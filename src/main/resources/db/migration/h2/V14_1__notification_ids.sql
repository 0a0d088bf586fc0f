UPDATE account SET notification_id = CAST(RANDOM_UUID() AS VARCHAR(36)) WHERE notification_id IS NULL;
ALTER TABLE account ALTER COLUMN notification_id SET NOT NULL;
