-- CreateEnum
CREATE TYPE "CorporateActionKind" AS ENUM ('SPLIT', 'DIVIDEND');

-- CreateTable
CREATE TABLE "corporate_action" (
    "asset_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CorporateActionKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "corporate_action_pkey" PRIMARY KEY ("asset_id","date","kind")
);

-- AddForeignKey
ALTER TABLE "corporate_action" ADD CONSTRAINT "corporate_action_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
