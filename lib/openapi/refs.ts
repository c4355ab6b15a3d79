import type { AccountExampleName } from "@/lib/openapi/account-examples";
import type { ExampleName } from "@/lib/openapi/examples";

/** References to the document's components, as every part of lib/openapi/ writes them. */

export type Example = ExampleName | AccountExampleName;

export const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** `examples` of a media type: each named example, by reference. */
export const exampleRefs = (...names: Example[]) => Object.fromEntries(names.map((name) => [name, ref("examples", name)]));
