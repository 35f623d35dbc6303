-- CreateEnum
CREATE TYPE "ScenarioKind" AS ENUM ('ANALOGUES', 'SHOCKS');

-- AlterEnum
ALTER TYPE "AuditEntity" ADD VALUE 'SAVED_SCENARIO';

-- CreateTable
CREATE TABLE "saved_scenario" (
    "id" SERIAL NOT NULL,
    "portfolio_id" INTEGER NOT NULL,
    "kind" "ScenarioKind" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "parameters" JSONB NOT NULL,
    "data_as_of" DATE NOT NULL,
    "vintage" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_scenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_scenario_portfolio_id_created_at_idx" ON "saved_scenario"("portfolio_id", "created_at");

-- AddForeignKey
ALTER TABLE "saved_scenario" ADD CONSTRAINT "saved_scenario_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_scenario" ADD CONSTRAINT "saved_scenario_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
