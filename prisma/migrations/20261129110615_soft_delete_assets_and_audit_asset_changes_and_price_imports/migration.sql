-- AlterEnum
ALTER TYPE "AuditEntity" ADD VALUE 'ASSET';

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'IMPORT';

-- AlterTable
ALTER TABLE "asset" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);
