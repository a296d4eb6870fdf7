import { describe, expect, it } from "vitest";
import { toAscii } from "./transliterate";

describe("ASCII folding", () => {
  it.each([
    ["plain ASCII is untouched", "1 High St", "1 High St", []],
    ["accents", "Crème Brûlée Café, Zürich", "Creme Brulee Cafe, Zurich", []],
    ["ß", "Hauptstraße 5", "Hauptstrasse 5", []],
    ["Æ and Ø", "Æbeløvej, Ørsted", "AEbelovej, Orsted", []],
    ["Ł and đ", "Łódź, Đakovo đ", "Lodz, Dakovo d", []],
    ["dotless ı", "Dıyarbakır", "Diyarbakir", []],
    ["typographic quotes and dashes", "“Unit 5” – O’Brien", "\"Unit 5\" - O'Brien", []],
    ["ligatures and full-width forms", "ﬁeld １２", "field 12", []],
    ["no-break space", "10\u00A0Rue", "10 Rue", []],
    ["Cyrillic is reported, not dropped", "ул. Ленина", "ул. Ленина", ["у", "л", "Л", "е", "н", "и", "а"]],
    ["CJK is reported", "東京都 1-2", "東京都 1-2", ["東", "京", "都"]],
  ])("%s", (_name, input, text, unrepresentable) => {
    expect(toAscii(input)).toEqual({ text, unrepresentable });
  });
});
