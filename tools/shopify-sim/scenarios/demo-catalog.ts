import type { SimShop } from "../sim/sim-shop";
import type { CompanyRecord, CustomerRecord } from "../state/types";

/** SKUs the SparkLayer scenarios order; `AB 12/34` is the awkward one (space and slash). */
export const DEMO_SKUS = { widget: "WIDGET-BLUE", widgetRed: "WIDGET-RED", case12: "CASE-12-WIDGET", odd: "AB 12/34", gadget: "GADGET-EU" } as const;

export interface DemoBuyer {
  customer: CustomerRecord;
  company: CompanyRecord;
  group: string;
}

export interface DemoCatalog {
  buyers: DemoBuyer[];
}

const COMPANIES = [
  { name: "Acme Trading Ltd", group: "trade", creditLimit: 5000, balance: 1250 },
  { name: "Beta Supplies GmbH", group: "wholesale", creditLimit: 20000, balance: 0 },
  { name: "Cobalt Retail", group: "retail", creditLimit: 0, balance: 0 },
  { name: "Delta Hospitality", group: "trade", creditLimit: 8000, balance: 7900 },
];

const catalogs = new WeakMap<SimShop, DemoCatalog>();

/** Seeds (once per shop) two locations, the demo products and B2B buyers with SparkLayer tags and metafields. */
export function demoCatalog(shop: SimShop): DemoCatalog {
  const existing = catalogs.get(shop);
  if (existing) return existing;
  if (shop.locations().length === 0) {
    shop.addLocation({ name: "Main Warehouse", primary: true });
    shop.addLocation({ name: "3PL Leeds", address: { address1: "Unit 4, Logistics Park", city: "Leeds", zip: "LS10 1AB" } });
  }
  shop.addVariant({ sku: DEMO_SKUS.widget, productTitle: "Blue Widget", price: 4.5, packSize: 6 });
  shop.addVariant({ sku: DEMO_SKUS.widgetRed, productTitle: "Red Widget", price: 4.5, packSize: 1 });
  shop.addVariant({ sku: DEMO_SKUS.case12, productTitle: "Blue Widget (case of 12)", price: 48 });
  shop.addVariant({ sku: DEMO_SKUS.odd, productTitle: "Bracket 12/34", price: 12.25 });
  shop.addVariant({ sku: DEMO_SKUS.gadget, productTitle: "Gadget (EU)", price: 30 });
  const buyers = COMPANIES.map((c, i) => {
    const customer = shop.addCustomer({
      firstName: ["Alice", "Bernd", "Chloe", "Dev"][i] ?? "Buyer",
      lastName: c.name.split(" ")[0] ?? "Buyer",
      email: `buyer${i + 1}@${c.name.split(" ")[0]?.toLowerCase() ?? "example"}.example`,
      tags: ["b2b", `b2b-${c.group}`],
      metafields: {
        "sparklayer.group": c.group,
        "sparklayer.company_name": c.name,
        "sparklayer.payment_on_account": { credit_limit: c.creditLimit, balance: c.balance },
      },
    });
    return { customer, company: shop.addCompany({ name: c.name, contactCustomerId: customer.id }), group: c.group };
  });
  const catalog = { buyers };
  catalogs.set(shop, catalog);
  return catalog;
}
