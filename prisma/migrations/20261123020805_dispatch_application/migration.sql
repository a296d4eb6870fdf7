-- AlterTable
ALTER TABLE "order" ADD COLUMN     "warehouseStatus" TEXT;

-- AlterTable
ALTER TABLE "dispatch_advice" ADD COLUMN     "appliedLines" JSONB,
ADD COLUMN     "appliedTracking" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "attemptedAt" TIMESTAMP(3),
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT;

-- CreateIndex
CREATE INDEX "dispatch_advice_status_receivedAt_idx" ON "dispatch_advice"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "dispatch_advice_shop_warehouseOrderId_idx" ON "dispatch_advice"("shop", "warehouseOrderId");

