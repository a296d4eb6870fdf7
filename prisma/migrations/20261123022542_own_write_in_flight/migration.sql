-- DropIndex
DROP INDEX "warehouse_order_shop_state_idx";

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "ownWriteUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "order_shop_createdAt_idx" ON "order"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "warehouse_order_shop_state_transmittedAt_idx" ON "warehouse_order"("shop", "state", "transmittedAt");

