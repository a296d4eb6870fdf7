-- AlterTable
ALTER TABLE "order" ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "evaluatedUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "evaluationRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "financialStatus" TEXT,
ADD COLUMN     "manualHold" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "manualRelease" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ownWriteStamps" TIMESTAMP(3)[] DEFAULT ARRAY[]::TIMESTAMP(3)[],
ADD COLUMN     "paymentMode" TEXT,
ADD COLUMN     "pickedBeforeGoLive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "releasedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "order_shop_customerId_idx" ON "order"("shop", "customerId");

-- CreateIndex
CREATE INDEX "order_pendingEvaluation_updatedAt_idx" ON "order"("pendingEvaluation", "updatedAt");

