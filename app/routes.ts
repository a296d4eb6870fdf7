// Remix v3 route config (future.v3_routeConfig): file-system routes from app/routes.
import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

export default flatRoutes() satisfies RouteConfig;
