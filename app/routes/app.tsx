// The admin shell for every /app page: Shopify authentication, App Bridge and Polaris. In the demo
// (LOADBAY_DEMO_SHOP) the page runs outside the Shopify admin, so only Polaris is loaded.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { AppProvider as PolarisProvider } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { authenticateAdmin, container } from "~/composition.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, embedded } = await authenticateAdmin(request);
  return { apiKey: container().env.SHOPIFY_API_KEY, embedded, shop };
}

export default function AppLayout() {
  const { apiKey, embedded } = useLoaderData<typeof loader>();
  if (!embedded) {
    return (
      <PolarisProvider i18n={polarisTranslations}>
        <nav style={{ display: "flex", gap: 16, padding: "12px 24px" }} aria-label="Loadbay">
          <Link to="/app">Overview</Link>
          <Link to="/app/orders">Orders</Link>
          <Link to="/app/exceptions">Exceptions</Link>
          <Link to="/app/inventory">Inventory</Link>
          <Link to="/app/connections">Warehouses</Link>
          <Link to="/app/settings">Mapping settings</Link>
        </nav>
        <Outlet />
      </PolarisProvider>
    );
  }
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey}>
      <NavMenu>
        <Link to="/app" rel="home">
          Overview
        </Link>
        <Link to="/app/orders">Orders</Link>
        <Link to="/app/exceptions">Exceptions</Link>
        <Link to="/app/inventory">Inventory</Link>
        <Link to="/app/connections">Warehouses</Link>
        <Link to="/app/settings">Mapping settings</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses so their headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
