/** Shopify global ids: `gid://shopify/Order/1001`. */
export function gid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

export function parseGid(value: string): ParsedGid | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { type: match[1], id: Number(match[2]) };
}

export function gidType(value: string): string | undefined {
  return parseGid(value)?.type;
}

export function legacyId(value: string): number {
  return parseGid(value)?.id ?? 0;
}
