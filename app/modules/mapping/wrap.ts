// Street lines for warehouses with short fields (35 characters is common in EDI and label formats). A
// long line continues on the next free line, breaking between words; when the lines run out, or a single
// word is longer than a line, nothing is cut: the caller raises an exception instead.

/** The lines to send, or null when they cannot fit. */
export function fitStreetLines(parts: string[], max: number, maxLines: number, overflow: "wrap" | "reject"): string[] | null {
  const given = parts.filter((p) => p.length > 0);
  if (given.length <= maxLines && given.every((p) => p.length <= max)) return given;
  if (overflow === "reject") return null;
  const eachWrapped = wrapAll(given, max);
  if (eachWrapped && eachWrapped.length <= maxLines) return eachWrapped;
  // Run address1 and address2 together when that packs better ("Unit 5" can share a line).
  const joined = wrapWords(given.join(", "), max);
  return joined && joined.length <= maxLines ? joined : null;
}

function wrapAll(parts: string[], max: number): string[] | null {
  const lines: string[] = [];
  for (const part of parts) {
    const wrapped = wrapWords(part, max);
    if (!wrapped) return null;
    lines.push(...wrapped);
  }
  return lines;
}

function wrapWords(text: string, max: number): string[] | null {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ").filter(Boolean)) {
    if (word.length > max) return null;
    if (!current) current = word;
    else if (current.length + 1 + word.length <= max) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
