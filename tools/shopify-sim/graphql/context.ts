import type { GraphQLSchema } from "graphql";
import type { ActualCostMeter } from "../cost/actual-cost";
import type { ShopState } from "../state/shop-state";

/** Per-request execution context handed to every resolver. */
export interface RequestContext {
  shop: ShopState;
  schema: GraphQLSchema;
  /** Origin the simulator serves on, for URLs it hands out (bulk operation files). */
  origin: string;
  meter: ActualCostMeter;
  protectedFields: ReadonlySet<string>;
  /** Set by a fault: the HTTP layer drops the connection instead of answering. */
  dropConnection: boolean;
  /** Bulk operations read whole connections: `first` is neither required nor capped. */
  bulk: boolean;
}
