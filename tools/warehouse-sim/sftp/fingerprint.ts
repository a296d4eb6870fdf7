// The host key fingerprint as OpenSSH prints it ("SHA256:" + unpadded base64 of the public key blob's
// SHA-256). Computed here independently of the connector, so a test that pins it checks both.
import { createHash } from "node:crypto";
import ssh2 from "ssh2";

export function hostFingerprint(privateKey: string): string {
  const key = ssh2.utils.parseKey(privateKey);
  if (key instanceof Error) throw key;
  return `SHA256:${createHash("sha256").update(key.getPublicSSH()).digest("base64").replace(/=+$/, "")}`;
}
