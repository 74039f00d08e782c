import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { ExtractionRules } from "../model/knowledge.ts";
import { parseYaml, type ParsedYaml } from "../ingest/yaml.ts";
import { foldText, foldWord } from "../text/fold.ts";
import { tokenize } from "../text/tokenize.ts";
import { validateAgainst } from "../model/schemas/validate.ts";
import { joinedName } from "../ingest/furniture-vocabulary.ts";
import { LINEAR_PATTERN_FIX, LinearRegExp, linearPattern } from "./linear-regexp.ts";

export const RULE_FILES = ["rules/boilerplate.yml", "rules/names.yml", "rules/first-names.yml", "rules/institutions.yml", "rules/page-furniture.yml"] as const;
/** Names editors dismissed with `npm run actors:suggest -- --ignore NAME`; optional, unlike RULE_FILES. */
export const IGNORED_NAMES_FILE = "rules/ignored-names.yml";

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
  const load = (name: string, optional = false): { data: Record<string, unknown>; parsed: ParsedYaml | undefined; file: string } => {
    const path = join(contentDir, name);
    const file = relative(cwd, path) || path;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      if (optional) return { data: {}, parsed: undefined, file };
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

  /** A pattern the linear-time engine cannot run, reported at its line. */
  const reportPattern = (source: ReturnType<typeof load>, key: string, index: number, pattern: string, error: string) =>
    diagnostics.push({
      file: source.file,
      line: source.parsed?.lineOf([key, index]) ?? 1,
      rule: "rules-pattern",
      severity: "error",
      message: `invalid pattern ${JSON.stringify(pattern)}: ${error}`,
      fix: LINEAR_PATTERN_FIX,
    });

  const patterns = (source: ReturnType<typeof load>, key: string, flags: string, whole: boolean): RegExp[] =>
    strings(source, key).flatMap((pattern, index) => {
      const compiled = linearPattern(whole ? `^(?:${pattern})$` : pattern, flags);
      if ("regex" in compiled) return [compiled.regex];
      reportPattern(source, key, index, pattern, compiled.error);
      return [];
    });

  /** Each pattern of a list that the linear-time engine runs, as written; the others reported at their line and left out. */
  const validPatterns = (source: ReturnType<typeof load>, key: string, flags: string, asUsed: (pattern: string) => string): string[] =>
    strings(source, key).filter((pattern, index) => {
      const compiled = linearPattern(asUsed(pattern), flags);
      if ("regex" in compiled) return true;
      reportPattern(source, key, index, pattern, compiled.error);
      return false;
    });

  /** A key the file does not have is a typo or a misplaced list, whose patterns would silently do nothing. */
  const onlyKeys = (source: ReturnType<typeof load>, keys: readonly string[]): void => {
    for (const key of Object.keys(source.data)) {
      if (keys.includes(key)) continue;
      diagnostics.push({
        file: source.file,
        line: source.parsed?.lineOf([key]) ?? 1,
        rule: "rules-unknown-key",
        severity: "error",
        message: `unknown key \`${key}\`: its list is not read`,
        fix: `Rename it to one of ${keys.map((known) => `\`${known}\``).join(", ")}, or move its lines to the file that reads them (the comments at the top of each file of content/rules/ say what it holds).`,
      });
    }
  };

  const boilerplate = load(RULE_FILES[0]);
  onlyKeys(boilerplate, BOILERPLATE_KEYS);
  const furniture = load(RULE_FILES[4]);
  onlyKeys(furniture, PAGE_FURNITURE_KEYS);
  const names = load(RULE_FILES[1]);
  const firstNames = load(RULE_FILES[2]);
  const institutions = load(RULE_FILES[3]);
  const ignored = load(IGNORED_NAMES_FILE, true);
  if (institutions.parsed) diagnostics.push(...validateAgainst("institutions", institutions.data, institutions.file, institutions.parsed.lineOf));
  const folded = (list: string[]) => new Set(list.map(foldWord));
  const sectionEnd = validPatterns(boilerplate, "section_end", "iu", (pattern) => `^(?:${pattern})$`);
  // Class words are compared with the words a class or id is split into: one with a separator could never match.
  const classWords = strings(furniture, "class_words").flatMap((word, index) => {
    const lower = word.trim().toLowerCase();
    if (lower !== "" && !/[\s_-]/.test(lower)) return [lower];
    diagnostics.push({
      file: furniture.file,
      line: furniture.parsed?.lineOf(["class_words", index]) ?? 1,
      rule: "rules-class-word",
      severity: "error",
      message: `${JSON.stringify(word)} is not one word: class names are split on spaces, "-" and "_" before their words are compared`,
      fix: "Write one word per line in `class_words`, or move a name whose words run together to `class_phrases`.",
    });
    return [];
  });
  // Phrases compared word by word with the text's tokens: "secrétariat d'État" → "secretariat d etat".
  const phrases = (list: string[]) => new Set(list.map(phraseKey));

  const rules: ExtractionRules = {
    boilerplate: {
      sectionEnd: sectionEnd.map((pattern) => new LinearRegExp(`^(?:${pattern})$`, "iu")),
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
      ignored: new Set(strings(ignored, "names").map(foldText)),
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
    pageFurniture: {
      classWords: new Set(classWords),
      classPhrases: strings(furniture, "class_phrases").map(joinedName).filter((phrase) => phrase !== ""),
      shareLinks: validPatterns(furniture, "share_links", "i", (pattern) => pattern),
      cookieWords: validPatterns(furniture, "cookie_words", "iu", (pattern) => pattern),
      cookieActions: validPatterns(furniture, "cookie_actions", "iu", (pattern) => pattern),
      teaserCues: sectionEnd,
    },
  };
  return { rules, diagnostics, texts };
}

/** The keys of content/rules/boilerplate.yml and page-furniture.yml. */
const BOILERPLATE_KEYS = ["section_end", "tags", "line", "credit", "byline"] as const;
const PAGE_FURNITURE_KEYS = ["class_words", "class_phrases", "share_links", "cookie_words", "cookie_actions"] as const;

/** A phrase's folded words, as the institution grammar compares them with tokens. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.folded)
    .join(" ");
}
