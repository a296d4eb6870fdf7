import { container } from "~/composition.server";

export async function loader() {
  const report = await container().health();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
