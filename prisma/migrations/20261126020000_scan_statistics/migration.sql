-- Planner statistics for the scan tables, kept current by the scans themselves.
--
-- The big JSON columns get no statistics: no query filters on them, and sampling them made ANALYZE of
-- a 100,000-resource account twice as slow (autovacuum's analyses included).
ALTER TABLE "resources" ALTER COLUMN "configuration" SET STATISTICS 0,
  ALTER COLUMN "supplementary" SET STATISTICS 0,
  ALTER COLUMN "relationships" SET STATISTICS 0;
ALTER TABLE "findings" ALTER COLUMN "evidence" SET STATISTICS 0;

-- A first scan can grow these tables by 100,000s of rows in one commit. Until they are analysed the
-- planner believes the new organisation holds a few thousand rows and picks plans that probe all of
-- them per row. The app role may not ANALYZE tables it does not own; this is its one way to ask,
-- called after a scan that wrote a large share of its account (core/scans/scan-statistics.ts).
CREATE OR REPLACE FUNCTION sg_refresh_scan_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  ANALYZE resources;
  ANALYZE findings;
  ANALYZE finding_events;
END
$fn$;

-- A scan's own events (the drift alert reads them at the end of every scan) without reading the
-- organisation's whole event history, which only grows.
-- CreateIndex
CREATE INDEX "finding_events_scan_run_id_idx" ON "finding_events"("scan_run_id");

