import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import type { ExtractionRules, InstitutionRules, PageFurnitureRules } from "../model/knowledge.ts";
import { foldText, foldWord } from "../text/fold.ts";
import { tokenize } from "../text/tokenize.ts";
import { validateAgainst } from "../model/schemas/validate.ts";
import { joinedName } from "../ingest/furniture-vocabulary.ts";
import { LinearRegExp } from "./linear-regexp.ts";
import { compiledPatterns, readRuleFile, reportUnknownKeys, runnablePatterns, textList, type RuleFile } from "./rule-file.ts";

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
  const found = { diagnostics: [] as Diagnostic[], texts: [] as string[] };
  const load = (name: string, optional = false): RuleFile => readRuleFile(contentDir, cwd, name, optional, found);
  const boilerplate = load(RULE_FILES[0]);
  reportUnknownKeys(boilerplate, BOILERPLATE_KEYS);
  const furniture = load(RULE_FILES[4]);
  reportUnknownKeys(furniture, PAGE_FURNITURE_KEYS);
  const names = load(RULE_FILES[1]);
  const firstNames = load(RULE_FILES[2]);
  const institutions = load(RULE_FILES[3]);
  const ignored = load(IGNORED_NAMES_FILE, true);
  if (institutions.parsed) found.diagnostics.push(...validateAgainst("institutions", institutions.data, institutions.file, institutions.parsed.lineOf));
  const sectionEnd = runnablePatterns(boilerplate, "section_end", "iu", (pattern) => `^(?:${pattern})$`);
  const classWords = oneWordClassWords(furniture);
  const rules: ExtractionRules = {
    boilerplate: boilerplateRules(boilerplate, sectionEnd),
    names: nameRules(names, firstNames, ignored),
    institutions: institutionRules(institutions),
    pageFurniture: pageFurnitureRules(furniture, classWords, sectionEnd),
  };
  return { rules, diagnostics: found.diagnostics, texts: found.texts };
}

/** content/rules/boilerplate.yml compiled; `sectionEnd` is its `section_end` list, already checked. */
function boilerplateRules(boilerplate: RuleFile, sectionEnd: string[]): ExtractionRules["boilerplate"] {
  return {
    sectionEnd: sectionEnd.map((pattern) => new LinearRegExp(`^(?:${pattern})$`, "iu")),
    tags: compiledPatterns(boilerplate, "tags", "iu", false).map((regex) => new LinearRegExp(`^(?:${regex.source})\\s*:\\s*`, "iu")),
    line: compiledPatterns(boilerplate, "line", "iu", true),
    credit: compiledPatterns(boilerplate, "credit", "gu", false),
    byline: compiledPatterns(boilerplate, "byline", "iu", true),
  };
}

/** content/rules/names.yml, first-names.yml and ignored-names.yml, the word lists folded. */
function nameRules(names: RuleFile, firstNames: RuleFile, ignored: RuleFile): ExtractionRules["names"] {
  const folded = (list: string[]) => new Set(list.map(foldWord));
  return {
    honorifics: textList(names, "honorifics"),
    roles: textList(names, "roles"),
    particles: folded(textList(names, "particles")),
    institutionHeads: folded(textList(names, "institution_heads")),
    placeContext: folded(textList(names, "place_context")),
    notNames: folded(textList(names, "not_names")),
    firstNames: folded(textList(firstNames, "names")),
    notGivenNames: folded(textList(firstNames, "not_given_names")),
    announcers: textList(names, "announcers"),
    authorCues: textList(names, "author_cues"),
    ignored: new Set(textList(ignored, "names").map(foldText)),
  };
}

/** content/rules/institutions.yml, each list as phrase keys. */
function institutionRules(institutions: RuleFile): InstitutionRules {
  // Phrases compared word by word with the text's tokens: "secrétariat d'État" → "secretariat d etat".
  const phrases = (list: string[]) => new Set(list.map(phraseKey));
  return {
    heads: [...phrases(textList(institutions, "heads"))].map((key) => key.split(" ")),
    lowercaseHeads: phrases(textList(institutions, "lowercase_heads")),
    standaloneHeads: phrases(textList(institutions, "standalone_heads")),
    demonymHeads: phrases(textList(institutions, "demonym_heads")),
    departmentHeads: phrases(textList(institutions, "department_heads")),
    adjectives: phrases(textList(institutions, "adjectives")),
    domains: phrases(textList(institutions, "domains")),
    international: phrases(textList(institutions, "international")),
  };
}

/** The `class_words` of content/rules/page-furniture.yml, lowercase; one that is not a single word is reported and left out. */
function oneWordClassWords(furniture: RuleFile): string[] {
  // Class words are compared with the words a class or id is split into: one with a separator could never match.
  return textList(furniture, "class_words").flatMap((word, index) => {
    const lower = word.trim().toLowerCase();
    if (lower !== "" && !/[\s_-]/.test(lower)) return [lower];
    furniture.diagnostics.push({
      file: furniture.file,
      line: furniture.parsed?.lineOf(["class_words", index]) ?? 1,
      rule: "rules-class-word",
      severity: "error",
      ...described("rules-class-word", { word: JSON.stringify(word) }),
    });
    return [];
  });
}

/** content/rules/page-furniture.yml as written and checked; its teaser cues are boilerplate.yml's `section_end`. */
function pageFurnitureRules(furniture: RuleFile, classWords: string[], sectionEnd: string[]): PageFurnitureRules {
  return {
    classWords: new Set(classWords),
    classPhrases: textList(furniture, "class_phrases").map(joinedName).filter((phrase) => phrase !== ""),
    shareLinks: runnablePatterns(furniture, "share_links", "i", (pattern) => pattern),
    cookieWords: runnablePatterns(furniture, "cookie_words", "iu", (pattern) => pattern),
    cookieActions: runnablePatterns(furniture, "cookie_actions", "iu", (pattern) => pattern),
    teaserCues: sectionEnd,
  };
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
