import { container } from "~/composition.server";

export async function loader() {
  try {
    const body = await container().metrics();
    return new Response(body, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } });
  } catch (error) {
    container().log.warn({ err: error }, "metrics unavailable");
    return new Response("# metrics unavailable: Redis did not answer\n", { status: 503 });
  }
}
