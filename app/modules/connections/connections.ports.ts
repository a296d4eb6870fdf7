// Warehouse connections as the merchant sets them up: a provider, its settings and credentials.
// Credentials are sealed before they are stored and never read back into a page.

export interface ProviderField {
  name: string;
  label: string;
  type: "text" | "url" | "number" | "password";
  required: boolean;
  helpText?: string;
  /** Several lines (a private key, a column map). */
  multiline?: boolean;
}

export interface ProviderDescriptor {
  id: string;
  label: string;
  fields: ProviderField[];
  /** Validates the form and splits it into plain settings and secret credentials; a sentence per bad field. */
  parse(form: Record<string, string>): { ok: true; config: Record<string, unknown>; secrets: Record<string, unknown> } | { ok: false; errors: Record<string, string> };
  /**
   * The mapping profile a new connection of this provider starts with (a warehouse's strict rules, such
   * as Whistl's); absent: the defaults.
   */
  mappingProfile?(connectionId: string, name: string): { connectionId: string } & Record<string, unknown>;
}

export interface ConnectionSummary {
  id: string;
  name: string;
  provider: string;
  enabled: boolean;
  createdAt: Date;
  /** Shown instead of the credentials: only that they are set. */
  hasCredentials: boolean;
}

export interface ConnectionRepository {
  list(shop: string): Promise<ConnectionSummary[]>;
  /** Stores the connection with its credentials sealed; false when the name is taken. */
  create(shop: string, input: { name: string; provider: string; config: Record<string, unknown>; secrets: Record<string, unknown> }): Promise<{ ok: true; id: string } | { ok: false; reason: "name-taken" }>;
}

export interface ConnectionTester {
  /** Runs the provider's own check; the message says exactly what failed. */
  test(shop: string, connectionId: string): Promise<{ ok: boolean; message: string }>;
}
