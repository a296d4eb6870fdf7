-- AlterTable
ALTER TABLE "stock_level" ADD COLUMN     "basis" TEXT NOT NULL DEFAULT 'on_hand',
ADD COLUMN     "pendingSince" TIMESTAMP(3),
ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "stock_change" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "facilityCode" TEXT NOT NULL,
    "baseSku" TEXT NOT NULL,
    "freeQuantity" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_item_map" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "tracked" BOOLEAN NOT NULL,
    "baseSkuKey" TEXT,
    "baseSku" TEXT,
    "factor" INTEGER NOT NULL DEFAULT 1,
    "via" TEXT,
    "problemKey" TEXT,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inventory_item_map_pkey" PRIMARY KEY ("shop","inventoryItemId")
);

-- CreateTable
CREATE TABLE "shopify_stock_reading" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "quantity" INTEGER,
    "generation" BIGINT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shopify_stock_reading_pkey" PRIMARY KEY ("shop","inventoryItemId","locationId")
);

-- CreateTable
CREATE TABLE "inventory_drift" (
    "shop" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sku" TEXT,
    "baseSku" TEXT NOT NULL,
    "shopifyQuantity" INTEGER NOT NULL,
    "warehouseQuantity" INTEGER NOT NULL,
    "demandQuantity" INTEGER NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "correctedAt" TIMESTAMP(3),

    CONSTRAINT "inventory_drift_pkey" PRIMARY KEY ("shop","inventoryItemId","locationId")
);

-- CreateTable
CREATE TABLE "inventory_sync_run" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "phase" TEXT NOT NULL DEFAULT 'reading',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "stale" INTEGER NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "writeCalls" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "inventory_sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stock_change_shop_baseSku_receivedAt_idx" ON "stock_change"("shop", "baseSku", "receivedAt");

-- CreateIndex
CREATE INDEX "stock_change_shop_receivedAt_idx" ON "stock_change"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "inventory_item_map_shop_baseSkuKey_idx" ON "inventory_item_map"("shop", "baseSkuKey");

-- CreateIndex
CREATE INDEX "inventory_drift_shop_lastSeenAt_idx" ON "inventory_drift"("shop", "lastSeenAt");

-- CreateIndex
CREATE INDEX "inventory_sync_run_shop_startedAt_idx" ON "inventory_sync_run"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "stock_level_shop_pendingSince_idx" ON "stock_level"("shop", "pendingSince");

-- AddForeignKey
ALTER TABLE "stock_change" ADD CONSTRAINT "stock_change_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_item_map" ADD CONSTRAINT "inventory_item_map_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shopify_stock_reading" ADD CONSTRAINT "shopify_stock_reading_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_drift" ADD CONSTRAINT "inventory_drift_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_sync_run" ADD CONSTRAINT "inventory_sync_run_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

