import { describe, expect, it } from "vitest";
import { hostKeyMismatch, sftpFailure, type SftpContext } from "./sftp-failures";

const at: SftpContext = { server: "sftp.gxo.example:22", host: "sftp.gxo.example", username: "acme", credentials: "password", timeoutMs: 15_000, doing: "writing /orders/A.tmp", folder: "/orders" };
const error = (message: string, code?: string | number) => Object.assign(new Error(message), { code });

describe("SFTP failures", () => {
  it.each([
    ["DNS", error("getConnection: getaddrinfo ENOTFOUND sftp.gxo.example", "ENOTFOUND"), "transient", /host “sftp.gxo.example” could not be found/],
    ["refused", error("getConnection: connect ECONNREFUSED 10.0.0.1:22", "ECONNREFUSED"), "transient", /refused the connection/],
    ["handshake timeout", error("getConnection: Timed out while waiting for handshake"), "transient", /did not answer within 15 s while Loadbay was writing/],
    ["unreachable", error("connect EHOSTUNREACH", "EHOSTUNREACH"), "transient", /cannot be reached/],
    ["wrong password", error("getConnection: All configured authentication methods failed"), "auth-failed", /refused user “acme” with the configured password/],
    ["unreadable key", error("Cannot parse privateKey: Unsupported key format"), "auth-failed", /private key .* cannot be used \(Unsupported key format\)/],
    ["dropped connection", error("_rename: Unexpected close event"), "transient", /closed the connection while Loadbay was writing/],
    ["reset", error("read ECONNRESET", "ECONNRESET"), "transient", /closed the connection/],
    ["missing folder", error("_put: Write stream error: No such file /orders/A.tmp", 2), "rejected", /has no folder \/orders/],
    ["permission denied", error("_put: Write stream error: Permission denied /orders/A.tmp", 3), "rejected", /does not let user “acme” use the folder \/orders \(permission denied/],
    ["server failure", error("_put: Write stream error: Failure /orders/A.tmp", 4), "transient", /failed while Loadbay was writing \/orders\/A.tmp \(Write stream error: Failure/],
  ])("%s → %s", (_name, e, kind, message) => {
    const failure = sftpFailure(e, at);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });

  it("treats a listed file gone by the time it is read as a race with the warehouse, not a settings problem", () => {
    const gone = error("get: No such file /dispatches/D1.csv", 2);
    expect(sftpFailure(gone, { ...at, doing: "reading /dispatches/D1.csv", folder: "/dispatches", listedFile: "/dispatches/D1.csv" })).toMatchObject({ kind: "transient", message: expect.stringContaining("was gone") });
    expect(sftpFailure(gone, { ...at, folder: "/dispatches" }).kind).toBe("rejected");
  });

  it("names both fingerprints on a host key mismatch, as a credential problem", () => {
    const failure = hostKeyMismatch("sftp.gxo.example:22", "SHA256:presented", "SHA256:pinned");
    expect(failure).toMatchObject({ kind: "auth-failed", message: expect.stringContaining("presented the host key SHA256:presented, but this connection is pinned to SHA256:pinned") });
  });
});
