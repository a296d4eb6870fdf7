// Postcodes as routing compares them. UK-style postcodes (GB and the Crown dependencies) are parsed
// into outward and inward codes, because a plain text prefix gets them wrong: "L" (Liverpool) is a
// prefix of "LS1 1AA" (Leeds), and "LS1" is a prefix of "LS11 5AA". Elsewhere a prefix is a prefix.

const UK_STYLE = new Set(["GB", "GG", "JE", "IM"]);
const UK_FULL = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/;
const UK_OUTWARD = /^[A-Z]{1,2}[0-9][0-9A-Z]?$/;
const UK_AREA = /^[A-Z]{1,2}$/;

export interface PostcodeView {
  /** Upper case, single spaces; UK-style as "LS1 1AA". What postcode patterns are tested against. */
  text: string;
  /** Upper case without spaces or dashes. */
  compact: string;
  uk: { outward: string; area: string; inward: string | null } | null;
}

export type PostcodePrefix = (postcode: PostcodeView) => boolean;

const compactOf = (value: string) => value.toUpperCase().replace(/[\s-]+/g, "");

export function postcodeView(zip: string | null, countryCode: string | null): PostcodeView | null {
  if (!zip || !zip.trim()) return null;
  const compact = compactOf(zip);
  const ukStyle = countryCode !== null && UK_STYLE.has(countryCode.toUpperCase());
  const full = ukStyle ? UK_FULL.exec(compact) : null;
  if (full) {
    const [, outward = "", inward = ""] = full;
    return { text: `${outward} ${inward}`, compact, uk: { outward, area: areaOf(outward), inward } };
  }
  if (ukStyle && UK_OUTWARD.test(compact)) return { text: compact, compact, uk: { outward: compact, area: areaOf(compact), inward: null } };
  return { text: zip.trim().toUpperCase().replace(/\s+/g, " "), compact, uk: null };
}

const areaOf = (outward: string) => outward.replace(/[0-9].*$/, "");

/**
 * A prefix as merchants write it. For UK-style postcodes: "LS" is an area, "LS1" a district (with its
 * sub-districts, so "EC1" takes "EC1A"), "LS1 1" a sector; space and case never matter otherwise.
 */
export function compilePostcodePrefix(prefix: string): PostcodePrefix {
  const compact = compactOf(prefix);
  const sector = prefix.trim().toUpperCase().replace(/\s+/g, " ");
  const generic: PostcodePrefix = (p) => p.compact.startsWith(compact);
  // Test the sector form first: "LS1 1" compacts to "LS11", which is also a district.
  if (sector.includes(" ")) return (p) => (p.uk ? p.text.startsWith(sector) : generic(p));
  if (UK_AREA.test(compact)) return (p) => (p.uk ? p.uk.area === compact : generic(p));
  if (UK_OUTWARD.test(compact)) return (p) => (p.uk ? inDistrict(p.uk.outward, compact) : generic(p));
  return generic;
}

function inDistrict(outward: string, district: string): boolean {
  if (outward === district) return true;
  return outward.length === district.length + 1 && outward.startsWith(district) && /[A-Z]$/.test(outward);
}
