/**
 * The SFTP warehouse simulator as a process: `npx tsx tools/warehouse-sim/sftp/main.ts [--format x12]`
 * (`npm run sim:sftp -- --format x12` for EDI X12 files; CSV by default).
 * PORT (default 4022), SIM_SFTP_USERNAME, SIM_SFTP_PASSWORD, SIM_SFTP_HOST_KEY (an OpenSSH private key,
 * so the fingerprint survives restarts) and SIM_SFTP_AUTO_DISPATCH_MS from the environment.
 */
import { z } from "zod";
import { startSftpWarehouseSim } from "../index";

const settings = z.object({
  PORT: z.coerce.number().int().min(0).default(4022),
  SIM_SFTP_USERNAME: z.string().min(1).default("loadbay"),
  SIM_SFTP_PASSWORD: z.string().min(1).default("sim-password"),
  SIM_SFTP_HOST_KEY: z.string().min(1).optional(),
  SIM_SFTP_AUTO_DISPATCH_MS: z.coerce.number().int().min(0).optional(),
});

const parsed = settings.safeParse(process.env);
if (!parsed.success) {
  process.stderr.write(`warehouse-sim (sftp): invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}\n`);
  process.exit(1);
}
const env = parsed.data;
const formatAt = process.argv.indexOf("--format");
const format = formatAt >= 0 ? process.argv[formatAt + 1] : "csv";
if (format !== "csv" && format !== "x12") {
  process.stderr.write(`warehouse-sim (sftp): --format must be csv or x12, not ${format}\n`);
  process.exit(1);
}
const sim = await startSftpWarehouseSim({
  format,
  port: env.PORT,
  hostKey: env.SIM_SFTP_HOST_KEY,
  credentials: { username: env.SIM_SFTP_USERNAME, password: env.SIM_SFTP_PASSWORD },
  autoDispatch: env.SIM_SFTP_AUTO_DISPATCH_MS === undefined ? null : { pickMs: 0, dispatchMs: env.SIM_SFTP_AUTO_DISPATCH_MS },
});
const s = sim.connectionSettings();
process.stdout.write(
  [
    `${format === "x12" ? "EDI X12" : "CSV"}-over-SFTP warehouse simulator listening on sftp://${s.host}:${s.port}`,
    `  username:  ${s.username}`,
    `  password:  ${s.password}`,
    `  host key:  ${s.hostKeyFingerprint}`,
    `  folders:   orders ${s.ordersFolder} (processed ${s.processedFolder}, rejected ${s.rejectedFolder}), dispatches ${s.dispatchFolder}, stock ${s.stockFolder}`,
    `  facility:  ${s.facilityCode}`,
    ...(format === "x12" ? [`  X12 ids:   warehouse ${sim.ediConnectionSettings().partner.interchangeId}, Loadbay ${sim.ediConnectionSettings().us.interchangeId} (qualifier ZZ)`] : []),
    "",
  ].join("\n"),
);

const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
