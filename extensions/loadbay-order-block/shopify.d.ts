// The `shopify` global the admin gives this extension's module (the target's API: `data.selected`,
// `auth`, `i18n`, …). Importing the target's types also declares its `s-…` elements for Preact's JSX.
import type { Api } from "@shopify/ui-extensions/admin.order-details.block.render";

declare global {
  const shopify: Api;
}
