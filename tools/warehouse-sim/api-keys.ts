// `POST /api/Auth` hands out API keys; every other call must carry one in the `ms-apikey` header.
// Mintsoft keys expire after 24 hours unless an admin makes them static.
import { randomBytes } from "node:crypto";

export interface Credentials {
  username: string;
  password: string;
}

export class ApiKeys {
  private readonly keys = new Map<string, number>();

  constructor(
    public credentials: Credentials,
    private readonly ttlMs: number,
  ) {}

  /** A new key for the right username and password; null otherwise. */
  issue(username: unknown, password: unknown, now: Date): string | null {
    if (username !== this.credentials.username || password !== this.credentials.password) return null;
    const key = randomBytes(16).toString("hex");
    this.keys.set(key, now.getTime() + this.ttlMs);
    return key;
  }

  valid(key: string | undefined, now: Date): boolean {
    const expires = key ? this.keys.get(key) : undefined;
    return expires !== undefined && expires > now.getTime();
  }

  /** Every key issued so far stops working (an expiry or an admin reset). */
  expireAll(): void {
    this.keys.clear();
  }
}
