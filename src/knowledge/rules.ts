import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Diagnostic } from "../records/diagnostic.ts";
import type { ExtractionRules } from "../records/knowledge.ts";
import { parseYaml, type ParsedYaml } from "../ingest/yaml.ts";
import { foldWord } from "../text/fold.ts";
import { tokenize } from "../text/tokenize.ts";
import { validateAgainst } from "../schemas/validate.ts";
import { LINEAR_PATTERN_FIX, LinearRegExp, linearPattern } from "./linear-regexp.ts";

export const RULE_FILES = ["rules/boilerplate.yml", "rules/names.yml", "rules/first-names.yml", "rules/institutions.yml"] as const;

export interface LoadedRules {
  rules: ExtractionRules;
  diagnostics: Diagnostic[];
  /** The files' text, for the knowledge base's version hash. */
  texts: string[];
}

/**
 * Reads content/rules/. A missing file gives empty rules (and an error), a bad pattern is
 * reported with its line and skipped: extraction keeps working with what is valid. Patterns
 * run in a linear-time engine (./linear-regexp.ts): one an editor writes cannot hang a build,
 * and one that engine cannot run (look-around, back-references) is a bad pattern.
 */
export function loadRules(contentDir: string, cwd = process.cwd()): LoadedRules {
  const diagnostics: Diagnostic[] = [];
  const texts: string[] = [];
  const load = (name: string): { data: Record<string, unknown>; parsed: ParsedYaml | undefined; file: string } => {
    const path = join(contentDir, name);
    const file = relative(cwd, path) || path;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      diagnostics.push({ file, rule: "rules-missing", severity: "error", message: `${name} is missing`, fix: `Restore content/${name} from the repository.` });
      return { data: {}, parsed: undefined, file };
    }
    texts.push(text);
    const parsed = parseYaml(text, file);
    diagnostics.push(...parsed.diagnostics);
    const data = parsed.data && typeof parsed.data === "object" && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
    return { data, parsed, file };
  };

  const strings = (source: ReturnType<typeof load>, key: string): string[] => {
    const value = source.data[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      diagnostics.push({ file: source.file, line: source.parsed?.lineOf([key]) ?? 1, rule: "rules-type", severity: "error", message: `\`${key}\` must be a list of texts` });
      return [];
    }
    return value as string[];
  };

  const patterns = (source: ReturnType<typeof load>, key: string, flags: string, whole: boolean): RegExp[] =>
    strings(source, key).flatMap((pattern, index) => {
      const compiled = linearPattern(whole ? `^(?:${pattern})$` : pattern, flags);
      if ("regex" in compiled) return [compiled.regex];
      diagnostics.push({
        file: source.file,
        line: source.parsed?.lineOf([key, index]) ?? 1,
        rule: "rules-pattern",
        severity: "error",
        message: `invalid pattern ${JSON.stringify(pattern)}: ${compiled.error}`,
        fix: LINEAR_PATTERN_FIX,
      });
      return [];
    });

  const boilerplate = load(RULE_FILES[0]);
  const names = load(RULE_FILES[1]);
  const firstNames = load(RULE_FILES[2]);
  const institutions = load(RULE_FILES[3]);
  if (institutions.parsed) diagnostics.push(...validateAgainst("institutions", institutions.data, institutions.file, institutions.parsed.lineOf));
  const folded = (list: string[]) => new Set(list.map(foldWord));
  // Phrases compared word by word with the text's tokens: "secrétariat d'État" → "secretariat d etat".
  const phrases = (list: string[]) => new Set(list.map(phraseKey));

  const rules: ExtractionRules = {
    boilerplate: {
      sectionEnd: patterns(boilerplate, "section_end", "iu", true),
      tags: patterns(boilerplate, "tags", "iu", false).map((regex) => new LinearRegExp(`^(?:${regex.source})\\s*:\\s*`, "iu")),
      line: patterns(boilerplate, "line", "iu", true),
      credit: patterns(boilerplate, "credit", "gu", false),
      byline: patterns(boilerplate, "byline", "iu", true),
    },
    names: {
      honorifics: strings(names, "honorifics"),
      roles: strings(names, "roles"),
      particles: folded(strings(names, "particles")),
      institutionHeads: folded(strings(names, "institution_heads")),
      placeContext: folded(strings(names, "place_context")),
      notNames: folded(strings(names, "not_names")),
      firstNames: folded(strings(firstNames, "names")),
      notGivenNames: folded(strings(firstNames, "not_given_names")),
      announcers: strings(names, "announcers"),
      authorCues: strings(names, "author_cues"),
    },
    institutions: {
      heads: [...phrases(strings(institutions, "heads"))].map((key) => key.split(" ")),
      lowercaseHeads: phrases(strings(institutions, "lowercase_heads")),
      standaloneHeads: phrases(strings(institutions, "standalone_heads")),
      demonymHeads: phrases(strings(institutions, "demonym_heads")),
      departmentHeads: phrases(strings(institutions, "department_heads")),
      adjectives: phrases(strings(institutions, "adjectives")),
      domains: phrases(strings(institutions, "domains")),
      international: phrases(strings(institutions, "international")),
    },
  };
  return { rules, diagnostics, texts };
}

/** A phrase's folded words, as the institution grammar compares them with tokens. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.folded)
    .join(" ");
}
