// Typed Admin API calls for the order source and the holds: the gateway's answer parsed with zod at the
// trust boundary, and its failures sorted into the orders area's closed SourceFailure set.
import type { z } from "zod";
import type { SourceFailure, SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminFailure, AdminGateway } from "./admin-gateway.server";

export type AdminRequest = <S extends z.ZodType>(document: string, variables: Record<string, unknown>, schema: S) => Promise<SourceResult<z.output<S>>>;

/** Calls for one shop, with the gateway's default wait for the rate-limit bucket. */
export function adminRequest(gateway: AdminGateway, shop: string): AdminRequest {
  return async (document, variables, schema) => {
    const result = await gateway.request<unknown>(shop, document, variables);
    if (!result.ok) return { ok: false, error: toSourceFailure(shop, result.error) };
    const parsed = schema.safeParse(result.value.data);
    if (parsed.success) return { ok: true, value: parsed.data };
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    return { ok: false, error: { kind: "invalid-request", message: `Shopify's answer for ${shop} did not have the expected shape (at "${where}").` } };
  };
}

/** The gateway's kinds are the same closed set; one case needs a clearer sentence. */
export function toSourceFailure(shop: string, failure: AdminFailure): SourceFailure {
  if (failure.kind === "invalid-request" && deniedProtectedData(failure.errors)) {
    // Not something a retry or a token refresh fixes: the app itself needs Shopify's approval.
    return {
      kind: "unauthorized",
      message: `Shopify refused Loadbay access to orders and customers of ${shop}: the app is not approved for protected customer data.`,
    };
  }
  if (failure.kind === "invalid-request") return { kind: "invalid-request", message: failure.message };
  return failure;
}

function deniedProtectedData(errors: unknown): boolean {
  if (!Array.isArray(errors)) return false;
  return errors.some((e: { extensions?: { code?: unknown } } | null) => e?.extensions?.code === "ACCESS_DENIED");
}
