// Log in outside the Shopify admin (non-embedded entry, e.g. from the app listing).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { shopify } from "~/composition.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

const MESSAGES: Partial<Record<LoginErrorType, string>> = {
  [LoginErrorType.MissingShop]: "Enter your shop domain to log in.",
  [LoginErrorType.InvalidShop]: "Enter a valid shop domain, for example my-shop.myshopify.com.",
};

async function login(request: Request) {
  const errors = await shopify().login(request);
  return { shopError: errors.shop ? (MESSAGES[errors.shop] ?? "Log in failed.") : undefined };
}

export const loader = ({ request }: LoaderFunctionArgs) => login(request);
export const action = ({ request }: ActionFunctionArgs) => login(request);

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = acted?.shopError ?? loaded.shopError;
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">Log in to Loadbay</Text>
              <TextField type="text" name="shop" label="Shop domain" helpText="example.myshopify.com" value={shop} onChange={setShop} autoComplete="on" error={error} />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
