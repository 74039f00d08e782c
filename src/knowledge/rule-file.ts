import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { parseYaml, type ParsedYaml } from "../ingest/yaml.ts";
import { linearPattern } from "./linear-regexp.ts";

/**
 * One file of content/rules/ and the list its problems are reported to. `data` is `{}` when
 * the file is missing or not a mapping, so every list reads as empty.
 */
export interface RuleFile {
  data: Record<string, unknown>;
  parsed: ParsedYaml | undefined;
  file: string;
  diagnostics: Diagnostic[];
}

/**
 * Reads and parses `content/<name>`: its text goes to `found.texts` (for the knowledge base's
 * version hash), its problems to `found.diagnostics`. A missing file is an error unless optional.
 */
export function readRuleFile(contentDir: string, cwd: string, name: string, optional: boolean, found: { diagnostics: Diagnostic[]; texts: string[] }): RuleFile {
  const { diagnostics } = found;
  const path = join(contentDir, name);
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    if (!optional) diagnostics.push({ file, rule: "rules-missing", severity: "error", ...described("rules-missing", { name }) });
    return { data: {}, parsed: undefined, file, diagnostics };
  }
  found.texts.push(text);
  const parsed = parseYaml(text, file);
  diagnostics.push(...parsed.diagnostics);
  const data = parsed.data && typeof parsed.data === "object" && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  return { data, parsed, file, diagnostics };
}

/** The list of texts under `key`; anything else is reported and read as empty. */
export function textList(source: RuleFile, key: string): string[] {
  const value = source.data[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    source.diagnostics.push({ file: source.file, line: source.parsed?.lineOf([key]) ?? 1, rule: "rules-type", severity: "error", ...described("rules-type", { key }) });
    return [];
  }
  return value as string[];
}

/** The patterns under `key` compiled (`whole`: matching a whole line); those the linear-time engine cannot run are reported and left out. */
export function compiledPatterns(source: RuleFile, key: string, flags: string, whole: boolean): RegExp[] {
  return textList(source, key).flatMap((pattern, index) => {
    const compiled = linearPattern(whole ? `^(?:${pattern})$` : pattern, flags);
    if ("regex" in compiled) return [compiled.regex];
    reportPattern(source, key, index, pattern, compiled.error);
    return [];
  });
}

/** Each pattern of a list that the linear-time engine runs, as written; the others reported at their line and left out. */
export function runnablePatterns(source: RuleFile, key: string, flags: string, asUsed: (pattern: string) => string): string[] {
  return textList(source, key).filter((pattern, index) => {
    const compiled = linearPattern(asUsed(pattern), flags);
    if ("regex" in compiled) return true;
    reportPattern(source, key, index, pattern, compiled.error);
    return false;
  });
}

/** A pattern the linear-time engine cannot run, reported at its line. */
function reportPattern(source: RuleFile, key: string, index: number, pattern: string, error: string): void {
  source.diagnostics.push({
    file: source.file,
    line: source.parsed?.lineOf([key, index]) ?? 1,
    rule: "rules-pattern",
    severity: "error",
    ...described("rules-pattern", { pattern: JSON.stringify(pattern), error }),
  });
}

/** A key the file does not have is a typo or a misplaced list, whose patterns would silently do nothing. */
export function reportUnknownKeys(source: RuleFile, keys: readonly string[]): void {
  for (const key of Object.keys(source.data)) {
    if (keys.includes(key)) continue;
    source.diagnostics.push({
      file: source.file,
      line: source.parsed?.lineOf([key]) ?? 1,
      rule: "rules-unknown-key",
      severity: "error",
      ...described("rules-unknown-key", { key, keys }),
    });
  }
}
