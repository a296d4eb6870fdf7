import type { AddressRecord } from "../state/types";

export function mailingAddressView(address: AddressRecord | null, id: string): Record<string, unknown> | null {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ") || null;
  return {
    __typename: "MailingAddress",
    id,
    ...address,
    name,
    countryCodeV2: address.countryCode,
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    formatted: () => formatAddress(address),
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(", ") || null,
  };
}

function formatAddress(a: AddressRecord): string[] {
  return [a.company, a.address1, a.address2, [a.city, a.provinceCode, a.zip].filter(Boolean).join(" "), a.country].filter(
    (line): line is string => Boolean(line),
  );
}
