/** Money is kept in minor units (cents) and rendered the way Shopify does: decimal strings. */
export function toDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function fromDecimal(value: string | number): number {
  return Math.round(Number(value) * 100);
}

export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

/** Presentment amounts are converted to shop currency with a fixed rate (the simulator has no FX feed). */
export function moneyBag(presentmentCents: number, currency: { shop: string; presentment: string; rate: number }): MoneyBag {
  return {
    shopMoney: { amount: toDecimal(Math.round(presentmentCents * currency.rate)), currencyCode: currency.shop },
    presentmentMoney: { amount: toDecimal(presentmentCents), currencyCode: currency.presentment },
  };
}
