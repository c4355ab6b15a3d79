interface SchemaObject {
  oneOf?: { $ref: string }[];
  properties?: { error_code?: { const?: string; enum?: string[] } };
  discriminator?: { propertyName: string; mapping: Record<string, string> };
}

/**
 * The error unions (`oneOf` of error bodies) name `error_code` as their discriminator, with the
 * schema each code selects: generators of typed languages then build one class per error body.
 */
export function withErrorCodeDiscriminators(schemas: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const idOf = (ref: string) => ref.replace("#/components/schemas/", "");
  const codesOf = (schema: SchemaObject | undefined): string[] | undefined => {
    const errorCode = schema?.properties?.error_code;
    return errorCode?.const !== undefined ? [errorCode.const] : errorCode?.enum;
  };
  const schemaAt = (ref: string) => schemas[idOf(ref)] as SchemaObject | undefined;
  for (const schema of Object.values(schemas) as SchemaObject[]) {
    const members = schema.oneOf;
    if (!members?.every((member) => codesOf(schemaAt(member.$ref)))) continue;
    const mapping = Object.fromEntries(members.flatMap((member) => (codesOf(schemaAt(member.$ref)) ?? []).map((code) => [code, member.$ref])));
    schema.discriminator = { propertyName: "error_code", mapping };
  }
  return schemas;
}
