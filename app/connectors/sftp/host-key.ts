// Host key pinning: the server's public key, as OpenSSH prints its fingerprint ("SHA256:" + unpadded
// base64 of the key blob's SHA-256), compared with the one the merchant got from the warehouse.
import { createHash } from "node:crypto";

export const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** The OpenSSH SHA-256 fingerprint of a public key blob (the SSH wire encoding of the key). */
export function hostKeyFingerprint(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash("sha256").update(publicKeyBlob).digest("base64").replace(/=+$/, "")}`;
}

/** Accepts what people paste ("sha256:…", trailing "=", spaces, "256 SHA256:… host (ED25519)"); null if it is not one. */
export function normalizeFingerprint(input: string): string | null {
  const found = /SHA256:\s*([A-Za-z0-9+/]{43})=?/i.exec(input.trim());
  return found ? `SHA256:${found[1]}` : null;
}
