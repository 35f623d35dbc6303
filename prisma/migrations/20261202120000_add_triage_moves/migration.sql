-- CreateEnum
CREATE TYPE "MoveItemStatus" AS ENUM ('OPEN', 'LINKED', 'DISMISSED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "MoveItemKind" AS ENUM ('EXPLAIN', 'CHECK_DATA');

-- CreateEnum
CREATE TYPE "DismissReason" AS ENUM ('HOLIDAY_EFFECT', 'DATA_ERROR', 'INDEX_REBALANCE', 'OTHER');

-- AlterEnum
ALTER TYPE "AuditEntity" ADD VALUE 'MOVE_ITEM';

-- CreateTable
CREATE TABLE "move_item" (
    "id" SERIAL NOT NULL,
    "session" DATE NOT NULL,
    "status" "MoveItemStatus" NOT NULL DEFAULT 'OPEN',
    "kind" "MoveItemKind" NOT NULL DEFAULT 'EXPLAIN',
    "max_abs_z" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "asset_count" INTEGER NOT NULL DEFAULT 0,
    "dismiss_reason" "DismissReason",
    "dismiss_note" TEXT,
    "event_id" INTEGER,
    "decided_by_id" TEXT,
    "decided_by_name" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "move_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "move_item_asset" (
    "item_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "session" DATE NOT NULL,
    "ret" DOUBLE PRECISION NOT NULL,
    "abnormal_return" DOUBLE PRECISION NOT NULL,
    "z" DOUBLE PRECISION NOT NULL,
    "z_ewma" DOUBLE PRECISION NOT NULL,
    "suspect" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "move_item_asset_pkey" PRIMARY KEY ("item_id","asset_id")
);

-- CreateTable
CREATE TABLE "move_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "threshold" DOUBLE PRECISION NOT NULL DEFAULT 3,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "move_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_move_threshold" (
    "asset_id" INTEGER NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "asset_move_threshold_pkey" PRIMARY KEY ("asset_id")
);

-- CreateTable
CREATE TABLE "move_scan_pending" (
    "asset_id" INTEGER NOT NULL,
    "from_date" DATE NOT NULL,

    CONSTRAINT "move_scan_pending_pkey" PRIMARY KEY ("asset_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "move_item_session_key" ON "move_item"("session");

-- CreateIndex
CREATE INDEX "move_item_status_max_abs_z_idx" ON "move_item"("status", "max_abs_z");

-- CreateIndex
CREATE INDEX "move_item_asset_asset_id_session_idx" ON "move_item_asset"("asset_id", "session");

-- AddForeignKey
ALTER TABLE "move_item_asset" ADD CONSTRAINT "move_item_asset_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "move_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "move_item_asset" ADD CONSTRAINT "move_item_asset_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_move_threshold" ADD CONSTRAINT "asset_move_threshold_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The global threshold's one row.
INSERT INTO "move_settings" ("id", "threshold", "updated_at") VALUES (1, 3, CURRENT_TIMESTAMP);

-- Whatever changes the moves of an asset queues it in move_scan_pending from the first date that can change, whoever
-- writes: refresh jobs, CSV imports, the API, the UI, the seed. The triage update drains the queue.
CREATE FUNCTION move_scan_queue(p_asset_id INTEGER, p_from DATE) RETURNS void LANGUAGE sql AS $$
  INSERT INTO move_scan_pending (asset_id, from_date) VALUES (p_asset_id, p_from)
  ON CONFLICT (asset_id) DO UPDATE SET from_date = LEAST(move_scan_pending.from_date, EXCLUDED.from_date);
$$;

-- Prices: the asset itself and every asset using it as benchmark, from the earliest changed date.
CREATE FUNCTION move_scan_on_prices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO move_scan_pending (asset_id, from_date)
  SELECT a.id, min(c.from_date)
  FROM (SELECT asset_id, min(date) AS from_date FROM changed GROUP BY asset_id) c
  JOIN asset a ON a.id = c.asset_id OR a.benchmark_id = c.asset_id
  GROUP BY a.id
  ON CONFLICT (asset_id) DO UPDATE SET from_date = LEAST(move_scan_pending.from_date, EXCLUDED.from_date);
  RETURN NULL;
END $$;
CREATE TRIGGER price_bar_move_scan_insert AFTER INSERT ON price_bar REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION move_scan_on_prices();
CREATE TRIGGER price_bar_move_scan_update AFTER UPDATE ON price_bar REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION move_scan_on_prices();
CREATE TRIGGER price_bar_move_scan_delete AFTER DELETE ON price_bar REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION move_scan_on_prices();

-- Exposures: an event explains moves within a session of its day 0, which lies on or after its UTC date (a week of
-- margin covers time zones and holidays). A missing event (a cascade) rescans the asset from the start.
CREATE FUNCTION move_scan_on_exposure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM move_scan_queue(r.asset_id, COALESCE((SELECT (e.occurred_at AT TIME ZONE 'UTC')::date - 7 FROM event e WHERE e.id = r.event_id), '-infinity'::date));
  IF TG_OP = 'UPDATE' AND OLD.asset_id <> NEW.asset_id THEN
    PERFORM move_scan_queue(OLD.asset_id, COALESCE((SELECT (e.occurred_at AT TIME ZONE 'UTC')::date - 7 FROM event e WHERE e.id = OLD.event_id), '-infinity'::date));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER exposure_move_scan AFTER INSERT OR UPDATE OR DELETE ON exposure FOR EACH ROW EXECUTE FUNCTION move_scan_on_exposure();

-- Events: a new time, a deletion or a restore changes what explains the exposed assets' moves.
CREATE FUNCTION move_scan_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM move_scan_queue(x.asset_id, LEAST((OLD.occurred_at AT TIME ZONE 'UTC')::date, (NEW.occurred_at AT TIME ZONE 'UTC')::date) - 7)
  FROM exposure x WHERE x.event_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER event_move_scan AFTER UPDATE OF occurred_at, time_precision, deleted_at ON event FOR EACH ROW EXECUTE FUNCTION move_scan_on_event();

-- A new benchmark (or none) changes every abnormal return of the asset.
CREATE FUNCTION move_scan_on_asset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.benchmark_id IS DISTINCT FROM OLD.benchmark_id OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    PERFORM move_scan_queue(NEW.id, '-infinity'::date);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER asset_move_scan AFTER UPDATE OF benchmark_id, deleted_at ON asset FOR EACH ROW EXECUTE FUNCTION move_scan_on_asset();

-- Thresholds: the asset's own, or every asset for the global one.
CREATE FUNCTION move_scan_on_asset_threshold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM move_scan_queue(OLD.asset_id, '-infinity'::date);
  ELSE PERFORM move_scan_queue(NEW.asset_id, '-infinity'::date); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER asset_move_threshold_move_scan AFTER INSERT OR UPDATE OR DELETE ON asset_move_threshold FOR EACH ROW EXECUTE FUNCTION move_scan_on_asset_threshold();

CREATE FUNCTION move_scan_on_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM move_scan_queue(a.id, '-infinity'::date) FROM asset a;
  RETURN NULL;
END $$;
CREATE TRIGGER move_settings_move_scan AFTER UPDATE OF threshold ON move_settings FOR EACH ROW EXECUTE FUNCTION move_scan_on_settings();

-- Databases that already hold prices get their first full scan.
INSERT INTO move_scan_pending (asset_id, from_date) SELECT id, '-infinity'::date FROM asset;
