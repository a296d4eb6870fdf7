// ASP.NET Web API (which Mintsoft runs) matches routes and query names without regard to case.
export class Query {
  private readonly values = new Map<string, string>();

  constructor(params: URLSearchParams) {
    for (const [k, v] of params) this.values.set(k.toLowerCase(), v);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  int(name: string): number | undefined {
    const v = this.get(name);
    return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
  }

  date(name: string): Date | null | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t);
  }

  bool(name: string): boolean {
    return this.get(name)?.toLowerCase() === "true";
  }
}
