// Mintsoft takes Country as an ISO 2/3 code or a name and stores a CountryId. The ids here are the
// simulator's own; only the lookup behaviour (unknown country → 400) matters to callers.
const COUNTRIES: { id: number; codes: string[] }[] = [
  { id: 1, codes: ["GB", "GBR", "UK", "UNITED KINGDOM"] },
  { id: 2, codes: ["IE", "IRL", "IRELAND"] },
  { id: 3, codes: ["FR", "FRA", "FRANCE"] },
  { id: 4, codes: ["DE", "DEU", "GERMANY"] },
  { id: 5, codes: ["NL", "NLD", "NETHERLANDS"] },
  { id: 6, codes: ["BE", "BEL", "BELGIUM"] },
  { id: 7, codes: ["ES", "ESP", "SPAIN"] },
  { id: 8, codes: ["IT", "ITA", "ITALY"] },
  { id: 9, codes: ["US", "USA", "UNITED STATES"] },
];

export function countryId(value: string): number | null {
  const key = value.trim().toUpperCase();
  return COUNTRIES.find((c) => c.codes.includes(key))?.id ?? null;
}
