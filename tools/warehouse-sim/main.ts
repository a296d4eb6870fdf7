/**
 * `npm run sim:wms`: the Mintsoft warehouse simulator as a process. PORT (default 4002), SIM_WMS_USERNAME,
 * SIM_WMS_PASSWORD and SIM_WMS_AUTO_DISPATCH_MS (despatch every order after that delay) from the environment.
 */
import { z } from "zod";
import { startWarehouseSim } from "./index";

const settings = z.object({
  PORT: z.coerce.number().int().min(0).default(4002),
  SIM_WMS_USERNAME: z.string().min(1).default("loadbay"),
  SIM_WMS_PASSWORD: z.string().min(1).default("sim-password"),
  SIM_WMS_AUTO_DISPATCH_MS: z.coerce.number().int().min(0).optional(),
});

const parsed = settings.safeParse(process.env);
if (!parsed.success) {
  process.stderr.write(`warehouse-sim: invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}\n`);
  process.exit(1);
}
const env = parsed.data;
const sim = await startWarehouseSim({
  port: env.PORT,
  credentials: { username: env.SIM_WMS_USERNAME, password: env.SIM_WMS_PASSWORD },
  autoDispatchMs: env.SIM_WMS_AUTO_DISPATCH_MS ?? null,
});
process.stdout.write(
  [
    `Mintsoft warehouse simulator listening on ${sim.url}`,
    `  username:     ${sim.credentials.username}`,
    `  password:     ${sim.credentials.password}`,
    `  warehouse id: 3 (Main Warehouse), client id: 1`,
    "",
  ].join("\n"),
);

const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
