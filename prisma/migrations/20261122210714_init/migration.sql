-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "inbox_status" AS ENUM ('received', 'processed', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "order_state" AS ENUM ('draft_awaiting_completion', 'received', 'held', 'released', 'in_fulfilment', 'partially_shipped', 'shipped', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "warehouse_order_state" AS ENUM ('mapped', 'transmitting', 'transmitted', 'accepted', 'partially_dispatched', 'dispatched', 'cancel_requested', 'cancelled');

-- CreateEnum
CREATE TYPE "exception_status" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "dispatch_status" AS ENUM ('received', 'applied', 'failed');

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop" (
    "domain" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "dryRun" BOOLEAN NOT NULL DEFAULT true,
    "goLiveAt" TIMESTAMP(3),
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "retentionDays" INTEGER NOT NULL DEFAULT 30,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "lastSweepAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "webhook_inbox" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "topic" TEXT NOT NULL,
    "apiVersion" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "inbox_status" NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "payload" JSONB,
    "payloadPurged" BOOLEAN NOT NULL DEFAULT false,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "webhook_inbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyOrderId" TEXT,
    "shopifyDraftOrderId" TEXT,
    "name" TEXT NOT NULL,
    "state" "order_state" NOT NULL DEFAULT 'received',
    "holdReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "poNumber" TEXT,
    "companyName" TEXT,
    "customerGroup" TEXT,
    "currency" TEXT,
    "totalAmount" DECIMAL(18,4),
    "facts" JSONB,
    "sourceCreatedAt" TIMESTAMP(3),
    "sourceUpdatedAt" TIMESTAMP(3),
    "pendingEvaluation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouse_order" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "facilityCode" TEXT NOT NULL,
    "split" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT NOT NULL,
    "state" "warehouse_order_state" NOT NULL DEFAULT 'mapped',
    "payload" JSONB NOT NULL,
    "warehouseReference" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "transmittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "warehouse_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_event" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" UUID,
    "warehouseOrderId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "payload" JSONB,

    CONSTRAINT "timeline_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exception" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" UUID,
    "warehouseOrderId" UUID,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "status" "exception_status" NOT NULL DEFAULT 'open',
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "exception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouse_connection" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "pollCursor" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "warehouse_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shopifyLocationId" TEXT,

    CONSTRAINT "facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rule" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "conditions" JSONB NOT NULL,
    "facilityCode" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "routing_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_code_mapping" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "matchField" TEXT NOT NULL,
    "matchValue" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,

    CONSTRAINT "service_code_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_of_measure" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "baseSku" TEXT NOT NULL,
    "factor" INTEGER NOT NULL,

    CONSTRAINT "unit_of_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sku_alias" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "warehouseSku" TEXT NOT NULL,

    CONSTRAINT "sku_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_level" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "facilityCode" TEXT NOT NULL,
    "baseSku" TEXT NOT NULL,
    "freeQuantity" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stock_level_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_advice" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "warehouseOrderId" UUID,
    "payload" JSONB NOT NULL,
    "status" "dispatch_status" NOT NULL DEFAULT 'received',
    "shopifyFulfillmentId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "dispatch_advice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "session_shop_idx" ON "session"("shop");

-- CreateIndex
CREATE INDEX "webhook_inbox_status_receivedAt_idx" ON "webhook_inbox"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_inbox_shop_webhookId_key" ON "webhook_inbox"("shop", "webhookId");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_inbox_shop_topic_eventId_key" ON "webhook_inbox"("shop", "topic", "eventId");

-- CreateIndex
CREATE INDEX "order_shop_state_idx" ON "order"("shop", "state");

-- CreateIndex
CREATE INDEX "order_shop_poNumber_idx" ON "order"("shop", "poNumber");

-- CreateIndex
CREATE UNIQUE INDEX "order_shop_id_key" ON "order"("shop", "id");

-- CreateIndex
CREATE UNIQUE INDEX "order_shop_shopifyOrderId_key" ON "order"("shop", "shopifyOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "order_shop_shopifyDraftOrderId_key" ON "order"("shop", "shopifyDraftOrderId");

-- CreateIndex
CREATE INDEX "warehouse_order_shop_state_idx" ON "warehouse_order"("shop", "state");

-- CreateIndex
CREATE UNIQUE INDEX "warehouse_order_shop_id_key" ON "warehouse_order"("shop", "id");

-- CreateIndex
CREATE UNIQUE INDEX "warehouse_order_shop_idempotencyKey_key" ON "warehouse_order"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "timeline_event_shop_orderId_at_idx" ON "timeline_event"("shop", "orderId", "at");

-- CreateIndex
CREATE INDEX "exception_shop_status_kind_idx" ON "exception"("shop", "status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "exception_shop_key_key" ON "exception"("shop", "key");

-- CreateIndex
CREATE UNIQUE INDEX "warehouse_connection_shop_id_key" ON "warehouse_connection"("shop", "id");

-- CreateIndex
CREATE UNIQUE INDEX "warehouse_connection_shop_name_key" ON "warehouse_connection"("shop", "name");

-- CreateIndex
CREATE UNIQUE INDEX "facility_shop_code_key" ON "facility"("shop", "code");

-- CreateIndex
CREATE UNIQUE INDEX "routing_rule_shop_position_key" ON "routing_rule"("shop", "position");

-- CreateIndex
CREATE UNIQUE INDEX "service_code_mapping_shop_connectionId_matchField_matchValu_key" ON "service_code_mapping"("shop", "connectionId", "matchField", "matchValue");

-- CreateIndex
CREATE UNIQUE INDEX "unit_of_measure_shop_sku_key" ON "unit_of_measure"("shop", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "sku_alias_shop_connectionId_sku_key" ON "sku_alias"("shop", "connectionId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "stock_level_shop_connectionId_facilityCode_baseSku_key" ON "stock_level"("shop", "connectionId", "facilityCode", "baseSku");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_advice_shop_connectionId_shipmentId_key" ON "dispatch_advice"("shop", "connectionId", "shipmentId");

-- AddForeignKey
ALTER TABLE "webhook_inbox" ADD CONSTRAINT "webhook_inbox_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warehouse_order" ADD CONSTRAINT "warehouse_order_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warehouse_order" ADD CONSTRAINT "warehouse_order_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warehouse_order" ADD CONSTRAINT "warehouse_order_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_shop_warehouseOrderId_fkey" FOREIGN KEY ("shop", "warehouseOrderId") REFERENCES "warehouse_order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exception" ADD CONSTRAINT "exception_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exception" ADD CONSTRAINT "exception_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exception" ADD CONSTRAINT "exception_shop_warehouseOrderId_fkey" FOREIGN KEY ("shop", "warehouseOrderId") REFERENCES "warehouse_order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warehouse_connection" ADD CONSTRAINT "warehouse_connection_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_rule" ADD CONSTRAINT "routing_rule_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_code_mapping" ADD CONSTRAINT "service_code_mapping_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_code_mapping" ADD CONSTRAINT "service_code_mapping_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_of_measure" ADD CONSTRAINT "unit_of_measure_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sku_alias" ADD CONSTRAINT "sku_alias_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sku_alias" ADD CONSTRAINT "sku_alias_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_advice" ADD CONSTRAINT "dispatch_advice_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_advice" ADD CONSTRAINT "dispatch_advice_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_advice" ADD CONSTRAINT "dispatch_advice_shop_warehouseOrderId_fkey" FOREIGN KEY ("shop", "warehouseOrderId") REFERENCES "warehouse_order"("shop", "id") ON DELETE SET NULL ON UPDATE CASCADE;

