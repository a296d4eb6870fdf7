-- CreateIndex
CREATE INDEX "warehouse_order_shop_orderId_idx" ON "warehouse_order"("shop", "orderId");

