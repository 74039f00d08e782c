import { parse, type Expression, type Node, type Program } from "acorn";
import { boundedMemo } from "../text/bounded-memo.ts";

/**
 * What an Eleventy data file in JavaScript (`blog.11tydata.js`) gives, read from its text and
 * never run: an import must not run a site's code. Read when it exports an object written out
 * (`export default { permalink: "blog/{{ page.fileSlug }}/" }`, `module.exports = { … }`, or a
 * constant holding one); a value the code computes is `COMPUTED`, and a file that exports
 * anything else (a function, a value built at run time) gives `undefined`: unknown.
 */
export const COMPUTED = Symbol("computed");

export type DataValue = string | number | boolean | null | typeof COMPUTED | DataValue[] | { [key: string]: DataValue };

export function literalDataExport(source: string): Record<string, DataValue> | undefined {
  return parsedExport(source).data;
}

/** A folder's data file holds for every post in the folder and for each key asked: it is parsed once. */
const parsedExport = boundedMemo((source: string): { data: Record<string, DataValue> | undefined } => ({ data: exportedObject(source) }), 1000);

function exportedObject(source: string): Record<string, DataValue> | undefined {
  let program: Program;
  try {
    program = parse(source, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true });
  } catch {
    return undefined;
  }
  const exported = exportedExpression(program);
  const object = exported && resolved(program, exported);
  if (object?.type !== "ObjectExpression") return undefined;
  const value = literalOf(object);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** `export default X` or `module.exports = X`. */
function exportedExpression(program: Program): Node | undefined {
  for (const statement of program.body) {
    if (statement.type === "ExportDefaultDeclaration") return statement.declaration;
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const { left, right } = statement.expression;
      if (left.type === "MemberExpression" && left.object.type === "Identifier" && left.object.name === "module" && left.property.type === "Identifier" && left.property.name === "exports") return right;
    }
  }
  return undefined;
}

/** An identifier exported stands for the constant it names, declared at the file's top level. */
function resolved(program: Program, node: Node): Node | undefined {
  if (node.type !== "Identifier") return node;
  const name = (node as Node & { name: string }).name;
  for (const statement of program.body) {
    if (statement.type !== "VariableDeclaration" || statement.kind !== "const") continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === "Identifier" && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return undefined;
}

function literalOf(node: Node): DataValue {
  const expression = node as Expression;
  switch (expression.type) {
    case "Literal":
      return typeof expression.value === "string" || typeof expression.value === "number" || typeof expression.value === "boolean" || expression.value === null ? expression.value : COMPUTED;
    case "TemplateLiteral":
      return expression.expressions.length === 0 ? expression.quasis.map((quasi) => quasi.value.cooked ?? "").join("") : COMPUTED;
    case "ArrayExpression":
      return expression.elements.map((element) => (element && element.type !== "SpreadElement" ? literalOf(element) : COMPUTED));
    case "ObjectExpression": {
      const object: { [key: string]: DataValue } = {};
      for (const property of expression.properties) {
        if (property.type !== "Property" || property.computed) return COMPUTED;
        const key = property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined;
        if (key === undefined) return COMPUTED;
        object[key] = property.kind === "init" && !property.method ? literalOf(property.value) : COMPUTED;
      }
      return object;
    }
    default:
      return COMPUTED;
  }
}
