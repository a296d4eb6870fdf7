/** A Shopify `userErrors` entry; `code` is left off for payloads whose error type has none. */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export function userError(field: string[] | null, message: string, code?: string | null): UserError {
  return code === undefined ? { field, message } : { field, message, code };
}

/** Payload shape every mutation returns: its objects (null when it failed) plus userErrors. */
export type Payload = Record<string, unknown> & { userErrors: UserError[] };

export function failed(errors: UserError[], nullFields: string[] = []): Payload {
  const payload: Payload = { userErrors: errors };
  for (const name of nullFields) payload[name] = null;
  return payload;
}
