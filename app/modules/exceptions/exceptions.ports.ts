// The exception queue as the merchant sees it: open problems with a sentence each, counted by kind.

export interface ExceptionView {
  id: string;
  key: string;
  kind: string;
  message: string;
  orderId: string | null;
  orderName: string | null;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  status: "open" | "resolved";
}

export interface ExceptionFilter {
  status: "open" | "resolved";
  kind: string | null;
}

export interface ExceptionReader {
  list(shop: string, filter: ExceptionFilter, limit: number): Promise<ExceptionView[]>;
  countsByKind(shop: string, status: "open" | "resolved"): Promise<{ kind: string; count: number }[]>;
  /**
   * What the chosen exceptions (by id, or every open one of a kind) block: dispatch advices for a
   * dispatch's exceptions, otherwise orders.
   */
  affected(shop: string, target: { ids: string[] } | { kind: string }): Promise<{ orders: string[]; dispatches: string[] }>;
}
