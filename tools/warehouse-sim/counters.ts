/** What tests and chaos runs assert on: how often Loadbay asked, and what the warehouse ended up holding. */
export interface SimCounters {
  /** Every `PUT /api/Order` received, including those a fault answered. */
  createRequests: number;
  /** Orders stored per ExternalOrderReference (split parts are not counted: they are one order). */
  ordersByReference: Map<string, number>;
  /** Creates whose ExternalOrderReference already existed: each would have been a second order without Mintsoft's check. */
  duplicates: number;
  /** Creates refused with a 400 for invalid data. */
  rejected: number;
}

export const emptyCounters = (): SimCounters => ({ createRequests: 0, ordersByReference: new Map(), duplicates: 0, rejected: 0 });
