// What one EDI X12 trading partnership agrees at onboarding: who is who in the envelopes, the separators,
// and the qualifiers each side uses. Parsed at the boundary; the transport settings (SFTP) live beside it
// when the connector is wired. Defaults are the common choices, each one to confirm with the partner
// (docs/connectors/edi-x12.md, "Assumptions").
import { z } from "zod";

const qualifier = z.string().trim().regex(/^[A-Z0-9]{2}$/, "Two letters or digits, e.g. ZZ, 01, 12.");
const interchangeId = z.string().trim().min(1).max(15).regex(/^[A-Za-z0-9 .-]+$/, "At most 15 letters, digits, spaces, dots or hyphens.");
const groupCode = z.string().trim().min(2).max(15).regex(/^[A-Za-z0-9 .-]+$/, "2 to 15 letters, digits, spaces, dots or hyphens.");
const separator = z.string().length(1).regex(/^[^A-Za-z0-9 ]$/, "One character that is not a letter, digit or space.");
const code = (min: number, max: number) => z.string().trim().regex(new RegExp(`^[A-Z0-9]{${min},${max}}$`));

export const partyIdsSchema = z.object({
  /** ISA-05 / ISA-07. */
  qualifier,
  /** ISA-06 / ISA-08, padded to 15 in the ISA. */
  interchangeId,
  /** GS-02 / GS-03; the interchange id when not given. */
  groupCode: groupCode.optional(),
});

export const ediX12ConfigSchema = z
  .object({
    us: partyIdsSchema,
    partner: partyIdsSchema,
    /** ISA-15: production or test data. */
    usage: z.enum(["P", "T"]).default("P"),
    /** GS-08; ISA-12 is its first five digits. */
    version: z.enum(["004010", "005010"]).default("004010"),
    separators: z
      .object({ element: separator.default("*"), subElement: separator.default(">"), segment: separator.default("~"), repetition: separator.default("^") })
      .prefault({}),
    /** A line break after each terminator: readable, and accepted by most translators. */
    lineBreaks: z.boolean().default(true),
    /** The partner's clock for X12 dates and times, which carry no zone. */
    timeZone: z.string().default("UTC"),
    /** Loadbay's facility code for this warehouse: 940 ship-from and stock rows without an N1. */
    facilityCode: z.string().trim().min(1).max(80),
    /** 940 N1 ship-from: entity code (SF ship from, WH warehouse) and N1-03 qualifier for the facility code. */
    facilityParty: z.enum(["SF", "WH"]).default("SF"),
    facilityQualifier: qualifier.default("ZZ"),
    /** Product id qualifier for SKUs: SK (stock keeping unit) or VN (vendor's item number). */
    skuQualifier: z.enum(["SK", "VN"]).default("SK"),
    /** W05-02 is AN 1/22 in the standard; some partners take longer. */
    orderNumberMaxLength: z.number().int().min(1).max(80).default(22),
    /** 940 W66-01 and W66-02; W66-05 is the order's service code, W66-10 its SCAC from this table. */
    shipmentMethodOfPayment: code(2, 2).default("PP"),
    transportationMethod: code(1, 2).default("T"),
    scacByServiceCode: z.record(z.string(), z.string().trim().regex(/^[A-Z]{2,4}$/, "A SCAC is 2 to 4 capital letters.")).default({}),
    /** Draft reference fields carrying the PO (W05-03) and the requested delivery date (G62). */
    poReference: z.string().default("poNumber"),
    requestedDateReference: z.string().default("requiredDeliveryDate"),
    /** G62-01 for the requested date: 02 deliver on, 10 requested ship date. */
    requestedDateQualifier: code(2, 2).default("02"),
    /** 945 MAN-01 qualifiers whose numbers are parcel tracking numbers (CP: carrier-assigned package id). */
    trackingQualifiers: z.array(code(1, 2)).min(1).default(["CP"]),
    /** 846 QTY-01 qualifiers read as free stock, first found wins (33: available for sale). */
    freeQuantityQualifiers: z.array(code(2, 2)).min(1).default(["33"]),
  });

export type EdiX12ConfigInput = z.input<typeof ediX12ConfigSchema>;
export type EdiX12Config = z.output<typeof ediX12ConfigSchema>;

export const groupCodeOf = (party: z.output<typeof partyIdsSchema>) => party.groupCode ?? party.interchangeId;
