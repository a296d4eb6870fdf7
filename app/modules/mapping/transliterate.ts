// Folding text to ASCII for warehouses that take nothing else. NFKD splits accented letters into a base
// letter and combining marks (é → e + ´), which are dropped; the table covers letters NFKD leaves whole
// and the typographic punctuation people paste into addresses. What is left (Cyrillic, Greek, CJK, …)
// is reported, never dropped: a guessed address is worse than a question to the merchant.

const FOLD: Record<string, string> = {
  ß: "ss", ẞ: "SS", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", Ø: "O", ø: "o", Ł: "L", ł: "l", Đ: "D", đ: "d",
  Ð: "D", ð: "d", Þ: "TH", þ: "th", ı: "i", Ħ: "H", ħ: "h", Ŧ: "T", ŧ: "t", Ŋ: "N", ŋ: "n",
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2039": "'", "\u203A": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u00AB": '"', "\u00BB": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
};

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const COMBINING = /\p{M}/gu;
const NOT_ASCII = /[^\x20-\x7E]/gu;

export interface Folded {
  text: string;
  /** Characters that have no ASCII form, each once, in order of appearance. */
  unrepresentable: string[];
}

export function toAscii(value: string): Folded {
  if (PRINTABLE_ASCII.test(value)) return { text: value, unrepresentable: [] };
  let text = "";
  for (const char of value.normalize("NFKD").replace(COMBINING, "")) text += FOLD[char] ?? char;
  const left = text.match(NOT_ASCII);
  return { text, unrepresentable: left ? [...new Set(left)] : [] };
}
