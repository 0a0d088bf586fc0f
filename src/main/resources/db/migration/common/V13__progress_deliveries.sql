-- Progress is derived from the recorded facts every time; the analyst exchange now also records when the analyst
-- side first and last acknowledged a package about a case (the case is then "with the analysts").
ALTER TABLE analyst_case ADD COLUMN first_delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analyst_case ADD COLUMN last_delivered_at TIMESTAMP WITH TIME ZONE;
