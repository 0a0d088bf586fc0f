UPDATE account SET notification_id = gen_random_uuid()::text WHERE notification_id IS NULL;
ALTER TABLE account ALTER COLUMN notification_id SET NOT NULL;
