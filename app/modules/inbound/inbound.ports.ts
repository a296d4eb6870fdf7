// What receiving warehouse pushes needs from storage. Implemented in app/persistence/inbound.repo.server.ts.
import type { DispatchAdviceIn, StockLevelIn } from "~/modules/transmission/warehouse-connector";
import type { InboundAuth } from "./inbound-auth";

export interface InboundTarget {
  shop: string;
  connectionId: string;
  name: string;
  /** Null until the merchant sets up pushes for this connection. */
  auth: InboundAuth | null;
  secret: string | null;
}

export interface InboundRepository {
  /** The connection a push is addressed to, with its (unsealed) inbound secret; null if there is none. */
  target(connectionId: string): Promise<InboundTarget | null>;
  /**
   * Stores what was pushed, once: dispatch advices by (connection, shipment id), stock by (connection,
   * facility, SKU). Returns the dispatch advices to apply: new ones, and known ones whose tracking changed.
   */
  store(target: InboundTarget, received: { dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }): Promise<{ dispatchIds: string[]; stockRows: number; stockChangeIds?: string[] }>;
  /** A push Loadbay could not read: an exception the merchant sees (the warehouse gets the same message). */
  raiseUnreadable(target: InboundTarget, kind: string, message: string): Promise<void>;
  /** New credentials for pushes: the secret is sealed with the connection's other credentials. */
  setAuth(shop: string, connectionId: string, auth: InboundAuth, secret: string): Promise<boolean>;
}
