-- CreateEnum
CREATE TYPE "AccountChange" AS ENUM ('CREATE', 'ROLE_CHANGE', 'SUSPEND', 'UNBAN', 'DELETE', 'TOKEN_ISSUE', 'TOKEN_REVOKE');

-- CreateTable
CREATE TABLE "account_audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "action" "AccountChange" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_email" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB,

    CONSTRAINT "account_audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_audit_entry_at_idx" ON "account_audit_entry"("at");

-- CreateIndex
CREATE INDEX "account_audit_entry_subject_id_at_idx" ON "account_audit_entry"("subject_id", "at");
