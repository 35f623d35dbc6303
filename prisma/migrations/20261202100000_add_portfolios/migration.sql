-- AlterEnum
ALTER TYPE "AuditEntity" ADD VALUE 'PORTFOLIO';

-- CreateTable
CREATE TABLE "portfolio" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "base_currency" CHAR(3) NOT NULL,
    "notional" DOUBLE PRECISION,
    "is_example" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" TEXT,
    "updated_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "portfolio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio_position" (
    "id" SERIAL NOT NULL,
    "portfolio_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "quantity" DOUBLE PRECISION,
    "weight" DOUBLE PRECISION,

    CONSTRAINT "portfolio_position_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_name_key" ON "portfolio"("name");

-- CreateIndex
CREATE INDEX "portfolio_position_asset_id_idx" ON "portfolio_position"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_position_portfolio_id_asset_id_key" ON "portfolio_position"("portfolio_id", "asset_id");

-- AddForeignKey
ALTER TABLE "portfolio" ADD CONSTRAINT "portfolio_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio" ADD CONSTRAINT "portfolio_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_position" ADD CONSTRAINT "portfolio_position_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_position" ADD CONSTRAINT "portfolio_position_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A position is a quantity or a weight, never both nor neither.
ALTER TABLE "portfolio_position" ADD CONSTRAINT "portfolio_position_quantity_xor_weight" CHECK ((quantity IS NULL) <> (weight IS NULL));
