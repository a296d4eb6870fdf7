import type { ThrottleStatus } from "../cost/leaky-bucket";
import { resolvePlan, type PlanOption } from "../cost/plans";
import type { ProtectedDataLevel, ShopFaults, ShopState, WebhookMode } from "../state/shop-state";
import type * as R from "../state/types";
import { addCompany, addCustomer, addLocation, addVariant, type CustomerInput, type VariantInput } from "../state/catalog";
import { cancelOrder, editOrder, refundOrder } from "../state/order-changes";
import { completeDraft, createDraft, placeOrder } from "../state/order-lifecycle";
import type { OrderSpec } from "../state/order-spec";
import { touch } from "../state/order-status";
import { lookup } from "../views/common";
import { fulfillmentOrderMove } from "../mutations/fulfillment-order-move";
import { echoOrderUpdated, emitOrder } from "../webhooks/events";
import { customersDataRequestPayload, customersRedactPayload, shopPayload, shopRedactPayload } from "../webhooks/payloads/shop-payloads";
import { sparkLayerScenarios, type SparkLayerScenarios } from "../scenarios/sparklayer";

export interface OrderPatch {
  note?: string | null;
  poNumber?: string | null;
  tags?: string[];
  attributes?: Record<string, string>;
  financialStatus?: R.FinancialStatus;
}

/** A handle on one simulated shop: seed it, drive it, break it, and inspect it from tests. */
export class SimShop {
  readonly scenarios: SparkLayerScenarios;

  constructor(
    readonly state: ShopState,
    private readonly hooks: { revokeTokens(shop: string): void; releaseWebhooks(shop: ShopState): void },
  ) {
    this.scenarios = sparkLayerScenarios(this);
  }

  get domain(): string {
    return this.state.domain;
  }
  get faults(): ShopFaults {
    return this.state.faults;
  }
  get webhookMode(): WebhookMode {
    return this.state.webhookMode;
  }

  locations(): R.LocationRecord[] {
    return [...this.state.locations.values()];
  }
  addLocation(input: { name: string; primary?: boolean; address?: Partial<R.AddressRecord> }): R.LocationRecord {
    return addLocation(this.state, input);
  }
  /** A product with one variant; stocked with 100 at every location unless `inventory` says otherwise. */
  addVariant(input: VariantInput): R.VariantRecord {
    return addVariant(this.state, input);
  }
  addCustomer(input: CustomerInput = {}): R.CustomerRecord {
    return addCustomer(this.state, input);
  }
  addCompany(input: { name: string; contactCustomerId: string; locationName?: string; externalId?: string }): R.CompanyRecord {
    return addCompany(this.state, input);
  }

  createOrder(spec: OrderSpec): R.OrderRecord {
    return placeOrder(this.state, spec);
  }
  createDraftOrder(spec: OrderSpec): R.DraftOrderRecord {
    return createDraft(this.state, spec);
  }
  completeDraft(draftId: string, options?: { paymentPending?: boolean; locationId?: string }): R.OrderRecord {
    return completeDraft(this.state, draftId, options);
  }

  /** A merchant-side change to an order; emits `orders/updated` (and `orders/paid` when it becomes paid). */
  updateOrder(orderId: string, patch: OrderPatch): R.OrderRecord {
    const order = this.mustOrder(orderId);
    if (patch.note !== undefined) order.note = patch.note;
    if (patch.poNumber !== undefined) order.poNumber = patch.poNumber;
    if (patch.tags) order.tags = patch.tags;
    if (patch.attributes) order.customAttributes = Object.entries(patch.attributes).map(([key, value]) => ({ key, value }));
    const becamePaid = patch.financialStatus === "PAID" && order.displayFinancialStatus !== "PAID";
    if (patch.financialStatus) order.displayFinancialStatus = patch.financialStatus;
    touch(this.state, order);
    if (becamePaid) emitOrder(this.state, "orders/paid", order);
    echoOrderUpdated(this.state, order.id);
    return order;
  }
  cancelOrder(orderId: string, reason?: string): R.OrderRecord {
    return cancelOrder(this.state, orderId, reason);
  }
  editOrder(orderId: string, changes: { lineItemId: string; quantity: number }[]): R.OrderRecord {
    return editOrder(this.state, orderId, changes);
  }
  refund(orderId: string, input: { lines: { lineItemId: string; quantity: number; restock?: boolean }[]; note?: string }): R.RefundRecord {
    return refundOrder(this.state, orderId, input);
  }

  /** A hold the merchant placed: it does not count against the app's 10 and the app may not release it. */
  placeMerchantHold(fulfillmentOrderId: string, reason = "OTHER"): R.FulfillmentHoldRecord {
    const fo = this.state.fulfillmentOrders.get(fulfillmentOrderId);
    if (!fo) throw new Error(`no fulfillment order ${fulfillmentOrderId}`);
    const hold: R.FulfillmentHoldRecord = { id: this.state.newId("FulfillmentHold"), reason, reasonNotes: null, handle: "", notifyMerchant: false, externalId: null, heldByApp: false };
    fo.holds.push(hold);
    fo.status = "ON_HOLD";
    return hold;
  }

  /**
   * The merchant moves a fulfillment order (or some of its lines) to another location in the admin, as
   * `fulfillmentOrderMove` does; returns the id of the fulfillment order the lines are now on.
   */
  moveFulfillmentOrder(fulfillmentOrderId: string, locationId: string, lines?: { id: string; quantity: number }[]): string {
    const payload = fulfillmentOrderMove(this.state, { id: fulfillmentOrderId, newLocationId: locationId, fulfillmentOrderLineItems: lines ?? null });
    if (payload.userErrors.length > 0) throw new Error(`move refused: ${payload.userErrors.map((e) => e.message).join("; ")}`);
    return (payload.movedFulfillmentOrder as { id: string }).id;
  }

  /** The merchant uninstalls the app: every token is revoked and `app/uninstalled` is sent. */
  uninstall(): void {
    this.hooks.revokeTokens(this.domain);
    this.state.emit("app/uninstalled", shopPayload(this.state));
  }
  readonly compliance = {
    customersDataRequest: (customerId: string) => this.state.emit("customers/data_request", customersDataRequestPayload(this.state, this.mustCustomer(customerId), this.ordersOf(customerId))),
    customersRedact: (customerId: string) => this.state.emit("customers/redact", customersRedactPayload(this.state, this.mustCustomer(customerId), this.ordersOf(customerId))),
    shopRedact: () => this.state.emit("shop/redact", shopRedactPayload(this.state)),
  };

  setPlan(plan: PlanOption): void {
    this.state.bucket.setPlan(resolvePlan(plan));
  }
  setProtectedDataLevel(level: ProtectedDataLevel): void {
    this.state.protectedDataLevel = level;
  }
  /** Names of the GraphQL operations executed for this shop, in order (optionally only those named `name`). */
  operations(name?: string): string[] {
    return this.state.operationLog.map((o) => o.name ?? "(anonymous)").filter((n) => !name || n === name);
  }

  /** Sum of the actual query cost Shopify would have charged this shop. */
  pointsSpent(): number {
    return this.state.operationLog.reduce((sum, o) => sum + o.actualCost, 0);
  }

  throttleStatus(): ThrottleStatus {
    return this.state.bucket.status();
  }
  drainBucket(): void {
    this.state.bucket.drain();
  }
  releaseWebhooks(): void {
    this.hooks.releaseWebhooks(this.state);
  }

  getOrder(orderId: string): R.OrderRecord | undefined {
    return this.state.orders.get(orderId);
  }
  getDraftOrder(draftId: string): R.DraftOrderRecord | undefined {
    return this.state.draftOrders.get(draftId);
  }
  fulfillmentOrders(orderId: string): R.FulfillmentOrderRecord[] {
    return lookup(this.getOrder(orderId)?.fulfillmentOrderIds ?? [], this.state.fulfillmentOrders);
  }
  fulfillments(orderId: string): R.FulfillmentRecord[] {
    return lookup(this.getOrder(orderId)?.fulfillmentIds ?? [], this.state.fulfillments);
  }
  variantBySku(sku: string): R.VariantRecord | undefined {
    return [...this.state.variants.values()].find((v) => v.sku === sku);
  }
  /** Named quantities (`available`, `on_hand`, `committed`, ...) of an item at a location. */
  inventoryLevel(inventoryItemId: string, locationId: string): Record<string, number> | undefined {
    return this.state.inventoryLevels.get(this.state.levelKey(inventoryItemId, locationId))?.quantities;
  }

  private mustOrder(orderId: string): R.OrderRecord {
    const order = this.state.orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId} on ${this.domain}`);
    return order;
  }
  private mustCustomer(customerId: string): R.CustomerRecord {
    const customer = this.state.customers.get(customerId);
    if (!customer) throw new Error(`no customer ${customerId} on ${this.domain}`);
    return customer;
  }
  private ordersOf(customerId: string): string[] {
    return [...this.state.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id);
  }
}
