import type { SimShop } from "../sim/sim-shop";
import type { OrderSpec } from "../state/order-spec";
import type { DraftOrderRecord, OrderRecord } from "../state/types";
import { DEMO_SKUS, demoCatalog } from "./demo-catalog";

export interface ScenarioOptions extends Partial<OrderSpec> {
  /** Which seeded buyer (company) places the order; 0..3. */
  buyer?: number;
}

export interface SparkLayerScenarios {
  /** Card checkout: arrives paid, `sparkPaymentType=upfrontPayment`; `orders/create` + `orders/paid`. */
  paidByCard(options?: ScenarioOptions): OrderRecord;
  /** Pay on account, auto-completed draft: PENDING with NET 30 terms; draft webhooks then `orders/create`. */
  payOnAccount(options?: ScenarioOptions): OrderRecord;
  /** A draft (quote / invoice) completed later by calling `complete()`, which sends `orders/create` only then. */
  draftCompletedLater(options?: ScenarioOptions): { draft: DraftOrderRecord; complete(): OrderRecord };
  caseOf12(options?: ScenarioOptions): OrderRecord;
  noPo(options?: ScenarioOptions): OrderRecord;
  noPhone(options?: ScenarioOptions): OrderRecord;
  oddSku(options?: ScenarioOptions): OrderRecord;
  unmappedShipping(options?: ScenarioOptions): OrderRecord;
  /** One paid order from each of `n` companies, across customer groups. */
  companies(n?: number, options?: ScenarioOptions): OrderRecord[];
  otherCurrency(options?: ScenarioOptions): OrderRecord;
}

export function sparkLayerScenarios(shop: SimShop): SparkLayerScenarios {
  const base = (options: ScenarioOptions, paymentType: string): OrderSpec => {
    const { buyers } = demoCatalog(shop);
    const buyer = buyers[(options.buyer ?? 0) % buyers.length] ?? buyers[0];
    const { buyer: _ignored, ...overrides } = options;
    const ref = `PO-${shop.state.nextOrderNumber}`;
    return {
      lines: [{ sku: DEMO_SKUS.widget, quantity: 12 }, { sku: DEMO_SKUS.widgetRed, quantity: 3 }],
      customerId: buyer?.customer.id,
      companyId: buyer?.company.id,
      poNumber: ref,
      note: ref,
      attributes: { sparkCartId: `cart-${shop.state.nextOrderNumber}`, sparkPaymentType: paymentType },
      tags: ["sparklayer", ...(buyer ? [`b2b-${buyer.group}`] : [])],
      shipping: [{ title: "Standard Delivery", code: "STANDARD", price: 9.5 }],
      ...overrides,
    };
  };
  const onAccount = (options: ScenarioOptions): OrderSpec => ({ ...base(options, "paymentOnAccount"), paymentTerms: { type: "NET", dueInDays: 30 }, ...stripBuyer(options) });
  const card = (options: ScenarioOptions = {}) => shop.createOrder({ ...base(options, "upfrontPayment"), financialStatus: "PAID", ...stripBuyer(options) });
  return {
    paidByCard: card,
    payOnAccount: (options = {}) => {
      const draft = shop.createDraftOrder(onAccount(options));
      return shop.completeDraft(draft.id, { paymentPending: true });
    },
    draftCompletedLater: (options = {}) => {
      const draft = shop.createDraftOrder({ ...onAccount(options), attributes: { sparkCartId: `cart-d${shop.state.nextDraftNumber}`, sparkPaymentType: "paymentByInvoice" }, ...stripBuyer(options) });
      return { draft, complete: () => shop.completeDraft(draft.id, { paymentPending: true }) };
    },
    caseOf12: (options = {}) => card({ lines: [{ sku: DEMO_SKUS.case12, quantity: 2 }], ...options }),
    noPo: (options = {}) => card({ poNumber: null, note: null, ...options }),
    noPhone: (options = {}) => card({ phone: null, shippingAddress: { phone: null }, billingAddress: { phone: null }, ...options }),
    oddSku: (options = {}) => card({ lines: [{ sku: DEMO_SKUS.odd, quantity: 4 }], ...options }),
    unmappedShipping: (options = {}) => card({ shipping: [{ title: "Pallet Express Next Day", code: "PALLET-X-ND", price: 45 }], ...options }),
    companies: (n = 3, options = {}) => Array.from({ length: n }, (_, i) => card({ ...options, buyer: i })),
    otherCurrency: (options = {}) => card({ presentmentCurrency: "EUR", lines: [{ sku: DEMO_SKUS.gadget, quantity: 5 }], buyer: 1, ...options }),
  };
}

function stripBuyer(options: ScenarioOptions): Partial<OrderSpec> {
  const { buyer: _ignored, ...rest } = options;
  return rest;
}
