// The warehouse status on the Shopify order: the old status tag removed and the new one added, and/or a
// metafield set — one mutation each, only those the merchant switched on, since Shopify charges every
// mutation field of a request (10 points each), even one a directive skips.
import { z } from "zod";
import { err, ok } from "~/lib/result";
import type { StatusWriter } from "~/modules/fulfilments/sync-warehouse-status.use-case";
import type { StatusWrite } from "~/modules/fulfilments/warehouse-status";
import type { SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminGateway } from "./admin-gateway.server";
import { adminRequest } from "./admin-request.server";

export const REMOVE_ORDER_TAGS = `#graphql
  mutation RemoveOrderTags($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      node { ... on Order { updatedAt } }
      userErrors { field message }
    }
  }
`;

export const ADD_ORDER_TAGS = `#graphql
  mutation AddOrderTags($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node { ... on Order { updatedAt } }
      userErrors { field message }
    }
  }
`;

export const SET_ORDER_METAFIELD = `#graphql
  mutation SetOrderMetafield($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { owner { ... on Order { updatedAt } } }
      userErrors { field message }
    }
  }
`;

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }));
const tagged = z.object({ node: z.object({ updatedAt: isoDate.optional() }).nullable(), userErrors });
const removeResponse = z.object({ tagsRemove: tagged });
const addResponse = z.object({ tagsAdd: tagged });
const metafieldResponse = z.object({ metafieldsSet: z.object({ metafields: z.array(z.object({ owner: z.object({ updatedAt: isoDate.optional() }) })).nullable(), userErrors }) });

type Outcome = { stamps: (Date | undefined)[]; errors: { message: string }[] };

export class ShopifyWarehouseStatus implements StatusWriter {
  constructor(private readonly gateway: AdminGateway) {}

  async write(shop: string, orderGid: string, write: StatusWrite) {
    const request = adminRequest(this.gateway, shop);
    const steps: (() => Promise<SourceResult<Outcome>>)[] = [];
    if (write.tagsRemove.length) {
      steps.push(async () => {
        const r = await request(REMOVE_ORDER_TAGS, { id: orderGid, tags: write.tagsRemove }, removeResponse);
        return r.ok ? ok({ stamps: [r.value.tagsRemove.node?.updatedAt], errors: r.value.tagsRemove.userErrors }) : r;
      });
    }
    if (write.tagsAdd.length) {
      steps.push(async () => {
        const r = await request(ADD_ORDER_TAGS, { id: orderGid, tags: write.tagsAdd }, addResponse);
        return r.ok ? ok({ stamps: [r.value.tagsAdd.node?.updatedAt], errors: r.value.tagsAdd.userErrors }) : r;
      });
    }
    if (write.metafield) {
      const metafields = [{ ownerId: orderGid, ...write.metafield, type: "single_line_text_field" }];
      steps.push(async () => {
        const r = await request(SET_ORDER_METAFIELD, { metafields }, metafieldResponse);
        return r.ok ? ok({ stamps: (r.value.metafieldsSet.metafields ?? []).map((m) => m.owner.updatedAt), errors: r.value.metafieldsSet.userErrors }) : r;
      });
    }
    // Each write moves the order's updatedAt and sends its own echo: every stamp is Loadbay's.
    const stamps: Date[] = [];
    for (const step of steps) {
      const done = await step();
      if (!done.ok) return done;
      if (done.value.errors.length) {
        return err({ kind: "invalid-request" as const, message: `Shopify would not record the warehouse status: ${done.value.errors.map((e) => e.message).join(" ")}` });
      }
      stamps.push(...done.value.stamps.filter((d): d is Date => d instanceof Date));
    }
    return ok({ orderUpdatedAt: stamps });
  }
}
