import { gid } from "../lib/gid";

/** One counter per resource type for the whole simulator, so GIDs are unique across shops as in Shopify. */
export class IdSequence {
  private readonly counters = new Map<string, number>();

  constructor(private readonly start = 1001) {}

  next(type: string): string {
    const value = this.counters.get(type) ?? this.start;
    this.counters.set(type, value + 1);
    return gid(type, value);
  }
}
