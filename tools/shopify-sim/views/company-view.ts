import type { ShopState } from "../state/shop-state";
import type { CompanyRecord } from "../state/types";
import { customerView } from "./customer-view";

/** `Order.purchasingEntity` for a B2B order: the company, the buying location and the contact. */
export function purchasingCompanyView(shop: ShopState, company: CompanyRecord): Record<string, unknown> {
  const companyObject = companyView(company);
  const contactCustomer = shop.customers.get(company.contactCustomerId);
  return {
    __typename: "PurchasingCompany",
    company: companyObject,
    location: {
      __typename: "CompanyLocation",
      id: company.locationId,
      name: company.locationName,
      externalId: null,
      company: companyObject,
      currency: "GBP",
      createdAt: company.createdAt,
      updatedAt: company.createdAt,
    },
    contact: {
      __typename: "CompanyContact",
      id: company.contactId,
      isMainContact: true,
      title: null,
      locale: "en",
      company: companyObject,
      customer: () => (contactCustomer ? customerView(shop, contactCustomer) : null),
      createdAt: company.createdAt,
      updatedAt: company.createdAt,
    },
  };
}

export function companyView(company: CompanyRecord): Record<string, unknown> {
  return {
    __typename: "Company",
    id: company.id,
    name: company.name,
    externalId: company.externalId,
    note: null,
    createdAt: company.createdAt,
    updatedAt: company.createdAt,
    customerSince: company.createdAt,
    contactCount: 1,
  };
}
