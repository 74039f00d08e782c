import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { described } from "../../messages/diagnostics.ts";
import type { Diagnostic } from "../diagnostic.ts";
import type { YamlPath } from "../../ingest/yaml.ts";
import agency from "./agency.schema.json" with { type: "json" };
import outlet from "./outlet.schema.json" with { type: "json" };
import person from "./person.schema.json" with { type: "json" };
import places from "./places.schema.json" with { type: "json" };
import topic from "./topic.schema.json" with { type: "json" };
import institutions from "./institutions.schema.json" with { type: "json" };
import article from "./article.schema.json" with { type: "json" };

/**
 * The JSON Schemas in this folder are the one description of every file editors write:
 * they validate content here and give editors completion in their YAML tooling.
 */
export const schemas = { agency, outlet, person, places, topic, article, institutions } as const;
export type SchemaName = keyof typeof schemas;

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(schemas[name]);
    compiled.set(name, validate);
  }
  return validate;
}

/** Validates `data` against a schema; each error names the file, the line and the fix. */
export function validateAgainst(
  name: SchemaName,
  data: unknown,
  file: string,
  lineOf: (path: YamlPath) => number,
): Diagnostic[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => toDiagnostic(error, name, file, lineOf));
}

function toDiagnostic(error: ErrorObject, schema: SchemaName, file: string, lineOf: (path: YamlPath) => number): Diagnostic {
  const path: (string | number)[] = error.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const at = path.join(".");
  const base = { file, rule: `schema-${error.keyword}`, severity: "error" as const };
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params["additionalProperty"]);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return { ...base, line: lineOf([...path, key]), ...described("schema-unknown-key", { key, path: at, close: closest(key, allowed) ?? "", allowed }) };
    }
    case "required": {
      const key = String(error.params["missingProperty"]);
      return { ...base, line: lineOf(path), ...described("schema-required", { key, path: at }) };
    }
    case "type": {
      // A value of several types ("string,integer") is said as "a text or a whole number".
      const type = ([] as unknown[]).concat(error.params["type"]).join(",");
      return { ...base, line: lineOf(path), ...described("schema-type", { path: at, type }) };
    }
    case "minLength":
      return { ...base, line: lineOf(path), ...described("schema-min-length", { path: at }) };
    case "enum":
      return { ...base, line: lineOf(path), ...described("schema-enum", { path: at, allowed: (error.params["allowedValues"] as unknown[]).map(String) }) };
    case "pattern": {
      const description = (error.parentSchema as { description?: string }).description;
      if (description) return { ...base, line: lineOf(path), ...described("schema-pattern", { path: at, expected: description, schema }) };
      return { ...base, line: lineOf(path), ...described("schema-pattern-bare", { path: at, detail: String(error.message), pattern: String(error.params["pattern"]) }) };
    }
    default: {
      const limit = error.params["limit"];
      return { ...base, line: lineOf(path), ...described("schema-constraint", { path: at, keyword: error.keyword, detail: error.message ?? "is not valid", limit: typeof limit === "number" ? limit : 0 }) };
    }
  }
}

/** The allowed word closest to a misspelt one, when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/**
 * The fewest edits that turn `a` into `b`: a letter inserted, deleted or replaced, or two
 * letters swapped ("dgns" → "dgsn" is one), the typing mistakes a misspelt key or name holds.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      current[j] = distance;
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length] ?? 0;
}
