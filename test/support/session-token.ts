// Session (ID) tokens as the Shopify admin puts them on an app's and an extension's requests: an HS256
// JWT signed with the app's API secret, with the claims Shopify documents.
import { createHmac, randomUUID } from "node:crypto";
import { TEST_ENV } from "./test-env";

export interface SessionTokenInput {
  shop: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  secret?: string;
  apiKey?: string;
  userId?: string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function sessionToken(input: SessionTokenInput): string {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = input.expiresIn ?? 60;
  const claims = {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey ?? TEST_ENV.SHOPIFY_API_KEY,
    sub: input.userId ?? "42",
    exp: now + expiresIn,
    nbf: now - 60 + Math.min(0, expiresIn),
    iat: now - 60 + Math.min(0, expiresIn),
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const unsigned = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac("sha256", input.secret ?? TEST_ENV.SHOPIFY_API_SECRET).update(unsigned).digest();
  return `${unsigned}.${base64url(signature)}`;
}
