// The SFTP warehouse simulator on its own, through a plain SFTP client: what it promises to the
// connector tests (SFTP v3 rename, .tmp never taken in, name dedupe, counted duplicates, seeded faults,
// outages, auto-dispatch in parcels).
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import SftpClient from "ssh2-sftp-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSftpWarehouseSim, type SftpWarehouseSim } from "../index";

let sim: SftpWarehouseSim;
const clients: SftpClient[] = [];
const QUIET = { error: () => undefined, end: () => undefined, close: () => undefined };

async function login(password = "sim-password"): Promise<SftpClient> {
  const client = new SftpClient("sim-test", QUIET);
  clients.push(client);
  await client.connect({ sock: connect({ host: sim.host, port: sim.port, noDelay: true }), username: "loadbay", password, readyTimeout: 2_000 });
  return client;
}

const ORDER = (ref: string, sku = "A") => `order_reference,sku,quantity\r\n${ref},${sku},2\r\n`;

beforeEach(async () => {
  sim = await startSftpWarehouseSim({ pickupMs: null });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
  await sim.close();
});

describe("SFTP warehouse simulator", () => {
  it("refuses a rename onto an existing file (SFTP v3), so an upload never replaces another", async () => {
    const client = await login();
    await client.put(Buffer.from(ORDER("R1")), "/orders/R1.tmp");
    await client.rename("/orders/R1.tmp", "/orders/R1.csv");
    await client.put(Buffer.from(ORDER("R1", "B")), "/orders/R1.tmp");
    await expect(client.rename("/orders/R1.tmp", "/orders/R1.csv")).rejects.toThrow();
    expect(sim.readFile("/orders/R1.csv")).toBe(ORDER("R1"));
  });

  it("takes in complete .csv files only, drops a name it has seen, and counts every order per reference", async () => {
    const client = await login();
    await client.put(Buffer.from(ORDER("R1")), "/orders/R1.tmp");
    expect(sim.pickUp()).toEqual([]);
    await client.rename("/orders/R1.tmp", "/orders/R1.csv");
    expect(sim.pickUp()).toMatchObject([{ reference: "R1", lines: [{ sku: "A", quantity: 2 }] }]);
    await client.put(Buffer.from(ORDER("R1")), "/orders/R1.csv");
    await client.put(Buffer.from(ORDER("R1")), "/orders/R1-again.csv");
    sim.pickUp();
    expect(sim.counters).toMatchObject({ filesReceived: 3, duplicateFiles: 1, duplicates: 1 });
    expect(sim.counters.ordersByReference.get("R1")).toBe(2);
    expect(sim.listFiles("/orders/processed")).toEqual(["R1-again.csv", "R1.csv"]);
  });

  it("refuses a file it cannot take, with the reason beside it", async () => {
    await sim.close();
    sim = await startSftpWarehouseSim({ pickupMs: null, products: ["A"] });
    sim.putFile("/orders/R2.csv", ORDER("R2", "Z"));
    sim.pickUp();
    expect(sim.counters.rejected).toBe(1);
    expect(sim.readFile("/orders/rejected/R2.csv.err")).toBe("Line 2: Product not found with SKU: Z");
  });

  it("fails the same requests for the same seed, and refuses logins with a wrong password", async () => {
    const outcomes = async () => {
      await sim.setFaults({ errorRate: 0.5 }, 42);
      const client = await login();
      const results: boolean[] = [];
      for (let i = 0; i < 12; i++) results.push(await client.put(Buffer.from("x"), `/orders/f${i}.tmp`).then(() => true, () => false));
      return results;
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
    await expect(login("wrong")).rejects.toThrow(/authentication methods failed/);
  });

  it("refuses connections during an outage and comes back when it ends", async () => {
    await sim.setFaults({ outage: { mode: "refuse", until: new Date(Date.now() + 300) } });
    await expect(login()).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(login()).resolves.toBeDefined();
  });

  it("auto-dispatches after the pick and dispatch delays, in two shipments of two parcels", async () => {
    await sim.close();
    sim = await startSftpWarehouseSim({ pickupMs: 20, autoDispatch: { pickMs: 20, dispatchMs: 30, splitShipments: true, parcels: 2 } });
    sim.putFile("/orders/R3.csv", "order_reference,sku,quantity\r\nR3,A,3\r\nR3,B,1\r\n");
    await expect.poll(() => sim.listFiles("/dispatches").length, { timeout: 3_000 }).toBe(2);
    const [first, second] = sim.listFiles("/dispatches").map((name) => sim.readFile(`/dispatches/${name}`) ?? "");
    expect(first).toContain("TRK-WH-1-1-1");
    expect(first).toContain("TRK-WH-1-1-2");
    expect(first).toMatch(/,A,2,N\r\n/);
    expect(second).toMatch(/,A,1,Y\r\n/);
    expect(sim.ordersFor("R3")[0]?.shipped).toEqual(new Map([["A", 3], ["B", 1]]));
  });
});

describe("SFTP warehouse simulator, X12 mode", () => {
  const sent940 = readFileSync(join(__dirname, "../../../app/connectors/edi-x12/fixtures/940-as-received.edi"), "utf8");

  it("takes in a 940, answers it with a 997, ships in two 945s (partial, then complete) and moves stock with 947s", async () => {
    await sim.close();
    sim = await startSftpWarehouseSim({ format: "x12", pickupMs: null, autoDispatch: { pickMs: 0, dispatchMs: 5, splitShipments: true, parcels: 2 } });
    sim.setStock({ "WIDGET-1": 50, "GADGET-2": 10 });
    sim.putFile("/in/LB-1001-LEEDS-0-r0.edi", sent940);
    sim.putFile("/in/ignored.tmp", sent940);
    expect(sim.pickUp()).toMatchObject([{ reference: "LB-1001-LEEDS-0-r0", lines: [{ sku: "WIDGET-1", quantity: 10 }, { sku: "GADGET-2", quantity: 4 }] }]);
    const [ack] = sim.listFiles("/out").filter((n) => n.startsWith("ACK_"));
    expect(sim.readFile(`/out/${ack}`)).toMatch(/GS\*FA\*GXOSIM\*LOADBAY\*.*AK1\*OW\*7~\nAK2\*940\*0001~\nAK5\*A~\nAK9\*A\*1\*1\*1~/s);
    await new Promise((r) => setTimeout(r, 60));
    const advices = sim.listFiles("/out").filter((n) => n.startsWith("DSP_")).map((n) => sim.readFile(`/out/${n}`) ?? "");
    expect(advices).toHaveLength(2);
    expect(advices[0]).toMatch(/W12\*PR\*10\*5\*5\*EA\*\*SK\*WIDGET-1~/);
    expect(advices[0]?.match(/MAN\*CP\*/g)).toHaveLength(2);
    expect(advices[1]).toMatch(/W12\*CC\*10\*5\*0\*EA\*\*SK\*WIDGET-1~\nLX\*2~\nW12\*CC\*4\*2\*0/);
    expect(sim.listFiles("/out").filter((n) => n.startsWith("ADJ_"))).toHaveLength(2);
    expect(sim.counters).toMatchObject({ answers: 1, shipments: 2, duplicates: 0 });
  });

  it("refuses a 940 whose SE count is wrong with a rejecting 997, and stores no order", async () => {
    await sim.close();
    sim = await startSftpWarehouseSim({ format: "x12", pickupMs: null });
    sim.putFile("/in/BROKEN.edi", sent940.replace(/SE\*(\d+)\*/, "SE*99*"));
    expect(sim.pickUp()).toEqual([]);
    expect(sim.counters).toMatchObject({ rejected: 1, answers: 1 });
    const [ack] = sim.listFiles("/out");
    expect(sim.readFile(`/out/${ack}`)).toContain("AK5*R*5~");
  });
});
