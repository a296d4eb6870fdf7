// Merchant-written regular expressions (routing postcodes, pack SKUs). Matched case-insensitively and
// without the "g" flag, so a compiled pattern keeps no state between calls.

export function isValidPattern(source: string): boolean {
  try {
    new RegExp(source, "i");
    return true;
  } catch {
    return false;
  }
}

export const compilePattern = (source: string): RegExp => new RegExp(source, "i");

/** The form every lookup table compares in: trimmed, inner spaces collapsed, upper case. */
export const lookupKey = (value: string): string => value.trim().replace(/\s+/g, " ").toUpperCase();
