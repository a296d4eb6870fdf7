-- AlterTable
ALTER TABLE "warehouse_order" ADD COLUMN     "transport" JSONB;

-- AlterTable
ALTER TABLE "warehouse_connection" ADD COLUMN     "sequences" JSONB NOT NULL DEFAULT '{}';

