-- Cases may now hold no item of the young person's own (they name a place, or a threat), and the analyst side may
-- add an item it found at a named place (ITEM_FOUND), with signals it made itself. Such an item's signals are
-- never shown to the young person.
ALTER TABLE case_item ADD COLUMN found_by_analysts BOOLEAN DEFAULT FALSE NOT NULL;
