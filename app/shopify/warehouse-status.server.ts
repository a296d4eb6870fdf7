// The warehouse status on the Shopify order: tags swapped and/or a metafield set, in one request. The
// fields a merchant switched off are skipped with @include, so the request costs only what it writes.
import { z } from "zod";
import { err, ok } from "~/lib/result";
import type { StatusWriter } from "~/modules/fulfilments/sync-warehouse-status.use-case";
import type { StatusWrite } from "~/modules/fulfilments/warehouse-status";
import type { AdminGateway } from "./admin-gateway.server";
import { adminRequest } from "./admin-request.server";

export const WRITE_WAREHOUSE_STATUS = `#graphql
  mutation WriteWarehouseStatus(
    $id: ID!
    $add: [String!]!
    $remove: [String!]!
    $metafields: [MetafieldsSetInput!]!
    $withAdd: Boolean!
    $withRemove: Boolean!
    $withMetafield: Boolean!
  ) {
    tagsRemove(id: $id, tags: $remove) @include(if: $withRemove) {
      node { ... on Order { updatedAt } }
      userErrors { field message }
    }
    tagsAdd(id: $id, tags: $add) @include(if: $withAdd) {
      node { ... on Order { updatedAt } }
      userErrors { field message }
    }
    metafieldsSet(metafields: $metafields) @include(if: $withMetafield) {
      metafields { owner { ... on Order { updatedAt } } }
      userErrors { field message }
    }
  }
`;

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }));
const response = z.object({
  tagsRemove: z.object({ node: z.object({ updatedAt: isoDate.optional() }).nullable(), userErrors }).nullish(),
  tagsAdd: z.object({ node: z.object({ updatedAt: isoDate.optional() }).nullable(), userErrors }).nullish(),
  metafieldsSet: z.object({ metafields: z.array(z.object({ owner: z.object({ updatedAt: isoDate.optional() }) })).nullable(), userErrors }).nullish(),
});

export class ShopifyWarehouseStatus implements StatusWriter {
  constructor(private readonly gateway: AdminGateway) {}

  async write(shop: string, orderGid: string, write: StatusWrite) {
    const variables = {
      id: orderGid,
      add: write.tagsAdd,
      remove: write.tagsRemove,
      metafields: write.metafield ? [{ ownerId: orderGid, ...write.metafield, type: "single_line_text_field" }] : [],
      withAdd: write.tagsAdd.length > 0,
      withRemove: write.tagsRemove.length > 0,
      withMetafield: write.metafield !== null,
    };
    const result = await adminRequest(this.gateway, shop)(WRITE_WAREHOUSE_STATUS, variables, response);
    if (!result.ok) return result;
    const { tagsRemove, tagsAdd, metafieldsSet } = result.value;
    const errors = [...(tagsRemove?.userErrors ?? []), ...(tagsAdd?.userErrors ?? []), ...(metafieldsSet?.userErrors ?? [])];
    if (errors.length) return err({ kind: "invalid-request" as const, message: `Shopify would not record the warehouse status: ${errors.map((e) => e.message).join(" ")}` });
    // Each write moves the order's updatedAt and sends its own echo: every stamp is Loadbay's.
    const stamps = [tagsRemove?.node?.updatedAt, tagsAdd?.node?.updatedAt, ...(metafieldsSet?.metafields ?? []).map((m) => m.owner.updatedAt)].filter((d): d is Date => d instanceof Date);
    return ok({ orderUpdatedAt: stamps });
  }
}
