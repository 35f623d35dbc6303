-- AlterTable
ALTER TABLE "saved_scenario" ADD COLUMN "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN "deleted_by_id" TEXT;

-- AddForeignKey
ALTER TABLE "saved_scenario" ADD CONSTRAINT "saved_scenario_deleted_by_id_fkey" FOREIGN KEY ("deleted_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
