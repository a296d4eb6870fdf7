-- CreateTable
CREATE TABLE "inbound_file" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "connectionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inbound_file_shop_connectionId_name_contentHash_key" ON "inbound_file"("shop", "connectionId", "name", "contentHash");

-- AddForeignKey
ALTER TABLE "inbound_file" ADD CONSTRAINT "inbound_file_shop_fkey" FOREIGN KEY ("shop") REFERENCES "shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_file" ADD CONSTRAINT "inbound_file_shop_connectionId_fkey" FOREIGN KEY ("shop", "connectionId") REFERENCES "warehouse_connection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

