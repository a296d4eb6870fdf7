-- AlterTable
ALTER TABLE "order" ADD COLUMN     "pendingVersions" JSONB NOT NULL DEFAULT '[]';

