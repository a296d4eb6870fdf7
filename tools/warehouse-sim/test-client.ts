// A bare HTTP client for the simulator's own tests: signs in and speaks the wire format directly.
import type { WarehouseSim } from "./sim";

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function call(sim: WarehouseSim, method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<Answer> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...(options.key ? { "ms-apikey": options.key } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function signIn(sim: WarehouseSim): Promise<string> {
  const answer = await call(sim, "POST", "/api/Auth", { body: { Username: sim.credentials.username, Password: sim.credentials.password } });
  if (answer.status !== 200 || typeof answer.body !== "string") throw new Error(`sign-in failed: ${answer.status}`);
  return answer.body;
}

export const orderBody = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  WarehouseId: 3,
  OrderNumber: "LB-1001-LEEDS-0-r0",
  ExternalOrderReference: "LB-1001-LEEDS-0-r0",
  CourierService: "NEXT DAY",
  FirstName: "Jo",
  LastName: "Buyer",
  CompanyName: "Acme Trading",
  Address1: "1 High St",
  Town: "Leeds",
  PostCode: "LS1 1AA",
  Country: "GB",
  OrderItems: [{ SKU: "WIDGET-1", Quantity: 12 }, { SKU: "GADGET-2", Quantity: 3 }],
  OrderNameValues: [{ Name: "poNumber", Value: "PO-1" }],
  ...over,
});
