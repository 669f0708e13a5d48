-- When the scraped process started (its process_start_time_seconds): when it started inside a report's window, the
-- observations of the window's first sample happened inside the window too and are counted.
ALTER TABLE slo_latency_samples ADD COLUMN process_started_at timestamptz;
