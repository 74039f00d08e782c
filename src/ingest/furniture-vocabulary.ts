import { LinearRegExp } from "../knowledge/linear-regexp.ts";
import type { PageFurnitureRules } from "../model/knowledge.ts";

/**
 * The furniture vocabulary of content/rules/ as the HTML reader asks its questions, each
 * list joined into one pattern of the linear-time engine (an editor's pattern cannot hang a
 * build) so that a text is read once, not once per pattern. Compiled once per set of rules:
 * a worker process compiles the rules it was sent once, whatever the number of pages.
 */
export interface FurnitureVocabulary {
  /** Whether a text (a text node, an element's first words) opens a teaser block. */
  opensTeaser(text: string): boolean;
  /** The text without the teaser cue it opens with. */
  withoutTeaserCue(text: string): string;
  /** Whether an element's class and id names (space-separated) name furniture. */
  isFurnitureName(names: string): boolean;
  /** Whether a link's address shares the page rather than cites anything. */
  isShareLink(href: string): boolean;
  /** Whether a short block's text is a cookie notice. */
  isCookieNotice(text: string): boolean;
}

const compiled = new WeakMap<PageFurnitureRules, FurnitureVocabulary>();

export function furnitureVocabulary(rules: PageFurnitureRules): FurnitureVocabulary {
  let vocabulary = compiled.get(rules);
  if (!vocabulary) {
    vocabulary = compile(rules);
    compiled.set(rules, vocabulary);
  }
  return vocabulary;
}

/** A teaser cue is at most a few words: the texts it is looked for in are cut to this length first, which bounds the engine's work on long paragraphs. */
const CUE_WINDOW = 160;

function compile(rules: PageFurnitureRules): FurnitureVocabulary {
  // A cue ends its text, or is followed by what is not a letter or digit: "Lire aussi :" opens "Lire aussi : Le port…", "Related" does not open "Relatedness".
  const cue = anyOf(rules.teaserCues, (alternation) => `^(?:${alternation})(?:$|[^\\p{L}\\p{N}])`, "iu");
  const share = anyOf(rules.shareLinks, (alternation) => `^(?:(?:https?:)?//(?:[\\w-]+\\.)*)?(?:${alternation})`, "i");
  const cookieWords = anyOf(rules.cookieWords, (alternation) => alternation, "iu");
  const cookieActions = anyOf(rules.cookieActions, (alternation) => alternation, "iu");
  const { classWords, classPhrases } = rules;
  return {
    opensTeaser: (text) => cue !== undefined && cue.test(text.slice(0, CUE_WINDOW)),
    withoutTeaserCue: (text) => (cue === undefined ? text : text.slice(0, CUE_WINDOW).replace(cue, "") + text.slice(CUE_WINDOW)),
    isFurnitureName(names) {
      if (classPhrases.length > 0) {
        const joined = joinedName(names);
        if (classPhrases.some((phrase) => joined.includes(phrase))) return true;
      }
      return names
        .toLowerCase()
        .split(/[\s_-]+/)
        .some((word) => classWords.has(word));
    },
    isShareLink: (href) => share !== undefined && share.test(href),
    isCookieNotice: (text) => cookieWords !== undefined && cookieActions !== undefined && cookieWords.test(text) && cookieActions.test(text),
  };
}

/**
 * A class or id as furniture names are compared: lowercase, its words joined (`-` and `_`
 * taken out): "lire-aussi", "bloc_lire_aussi" and "lireaussi" all hold "lireaussi". Spaces
 * stay: they separate an element's names, and a name never runs across two.
 */
export function joinedName(name: string): string {
  return name.toLowerCase().replace(/[-_]+/g, "");
}

/** One pattern that matches where any of the list does (undefined for an empty list); named groups are only for reading a match and would clash once joined. */
function anyOf(patterns: readonly string[], around: (alternation: string) => string, flags: string): LinearRegExp | undefined {
  if (patterns.length === 0) return undefined;
  const alternation = patterns.map((pattern) => `(?:${pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, "(?:")})`).join("|");
  return new LinearRegExp(around(alternation), flags);
}
