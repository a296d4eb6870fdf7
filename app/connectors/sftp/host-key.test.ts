import { describe, expect, it } from "vitest";
import { hostKeyFingerprint, normalizeFingerprint } from "./host-key";

// Public keys and the fingerprints `ssh-keygen -lf` printed for them (OpenSSH 9), so the formula is
// checked against OpenSSH itself rather than against a second copy of it.
const ED25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIAzYdrjETcgzuhB14bdGFhtJyX7bWWUZPQyUs6wffWhL";
const RSA =
  "AAAAB3NzaC1yc2EAAAADAQABAAABAQC1W/ipuYrQ+siMN+MdOMH/ymhRl/BshuASkqxKH6e5gin3nBRzhZDWcx6pdCNPHzftS2+rytLSFQe6wB0aO7j7pOBv/mqr7wgoIpX75r5nSJlaGPqU72EbNhMoSiHj1p4AQMlhg/ahLp8I/00ShYE9+I6hBJJ/sWudWXDqEdB/fTgDevTUWi8Zsmv4EcSWqZTrTLrClrQg/jNiZlcHayMNlKAfX2az69uTZ7uL0M3pHqbX9QjFrQUOnkcdNfR8jp0ui7dk0GiaYIsBDVkePvxv3QLbq6F/7ni8LKIZ1TcNf/LvtwQzi9Bz7vcQsrQjgV1J0thE0pJya23Jt0KH8pen";

describe("host key fingerprint", () => {
  it.each([
    ["ed25519", ED25519, "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM"],
    ["rsa", RSA, "SHA256:ZRyHO9iPLa/TlwOCwAtxufpGSK2mQGuG2oc51qKkbQU"],
  ])("matches what ssh-keygen -lf prints for an %s key", (_type, blob, expected) => {
    expect(hostKeyFingerprint(Buffer.from(blob, "base64"))).toBe(expected);
  });

  it.each([
    ["as OpenSSH prints it", "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM", "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM"],
    ["with base64 padding and spaces", "  SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM= ", "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM"],
    ["a whole ssh-keygen -l line", "256 SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM sftp.example (ED25519)", "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM"],
    ["lower-case prefix", "sha256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM", "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM"],
    ["an MD5 fingerprint", "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", null],
    ["too short", "SHA256:W9/V82Er9qOBuOzpx0hUPOP", null],
  ])("normalises a pasted fingerprint: %s", (_name, input, expected) => {
    expect(normalizeFingerprint(input)).toBe(expected);
  });
});
