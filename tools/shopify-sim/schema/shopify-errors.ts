import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";

/** A top-level error as Shopify's GraphQL server (graphql-ruby) shapes it. */
export interface ShopifyGraphQLError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** `[Order!]!` → `Order`, as graphql-ruby names types in these messages. */
function bare(type: string | undefined): string {
  return (type ?? "").replace(/[![\]]/g, "");
}

type Rewrite = (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };

/** graphql-js validation messages → graphql-ruby's wording and `extensions.code`. */
const REWRITES: [RegExp, Rewrite][] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (m) => ({ message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] } })],
  [/^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./, (m) => ({ message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`, extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] } })],
  [/^Field "(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./, (m) => ({ message: `Field '${m[1]}' is missing required arguments: ${m[2]}`, extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] } })],
  [/^Field "(\w+)" of type "(.+)" must have a selection of subfields\./, (m) => ({ message: `Field must have selections (field '${m[1]}' returns ${bare(m[2])} but has no selections. Did you mean '${m[1]} { ... }'?)`, extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: bare(m[2]) } })],
  [/^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./, (m) => ({ message: `Selections can't be made on scalars (field '${m[1]}' returns ${bare(m[2])} but has selections)`, extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: bare(m[2]) } })],
  [/^Unknown type "(\w+)"\./, (m) => ({ message: `No such type ${m[1]}, so it can't be a fragment condition`, extensions: { code: "undefinedType", typeName: m[1] } })],
  [/^Variable "\$(\w+)" is never used(?: in operation "(\w+)")?\./, (m) => ({ message: `Variable $${m[1]} is declared by ${m[2] ?? "anonymous query"} but not used`, extensions: { code: "variableNotUsed", variableName: m[1] } })],
  [/^Variable "\$(\w+)" is not defined(?: by operation "(\w+)")?\./, (m) => ({ message: `Variable $${m[1]} is used by ${m[2] ?? "anonymous query"} but not declared`, extensions: { code: "variableNotDefined", variableName: m[1] } })],
  [/^Unknown directive "@(\w+)"\./, (m) => ({ message: `Directive @${m[1]} is not defined`, extensions: { code: "undefinedDirective", directiveName: m[1] } })],
];

export function toShopifyValidationError(error: GraphQLError, document: DocumentNode): ShopifyGraphQLError {
  const rewrite = REWRITES.map(([pattern, fn]) => {
    const match = pattern.exec(error.message);
    return match ? fn(match) : undefined;
  }).find(Boolean);
  return {
    message: rewrite?.message ?? error.message,
    locations: error.locations?.map((l) => ({ line: l.line, column: l.column })),
    path: error.nodes?.[0] ? rubyPath(document, error.nodes[0]) : undefined,
    extensions: rewrite?.extensions ?? { code: "validationError" },
  };
}

/** graphql-ruby paths name the operation (`"query Name"`) or fragment, then the field names down to the error. */
function rubyPath(document: DocumentNode, target: ASTNode): (string | number)[] | undefined {
  let found: string[] | undefined;
  const stack: string[] = [];
  visit(document, {
    enter(node) {
      if (node.kind === Kind.OPERATION_DEFINITION) stack.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
      else if (node.kind === Kind.FRAGMENT_DEFINITION) stack.push(`fragment ${node.name.value}`);
      else if (node.kind === Kind.FIELD) stack.push(node.name.value);
      else if (node.kind === Kind.INLINE_FRAGMENT) stack.push(`... on ${node.typeCondition?.name.value ?? ""}`);
      if (node === target) found = [...stack];
      return undefined;
    },
    leave(node) {
      if ([Kind.OPERATION_DEFINITION, Kind.FRAGMENT_DEFINITION, Kind.FIELD, Kind.INLINE_FRAGMENT].includes(node.kind as Kind)) stack.pop();
    },
  });
  return found;
}
