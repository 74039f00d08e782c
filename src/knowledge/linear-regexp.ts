import { RE2JS } from "re2js";
import type { ExtractionRules } from "../model/knowledge.ts";

/**
 * A regular expression written by an editor (content/rules/, an outlet's `aggregator.path`),
 * run by RE2 (re2js): in time linear in the text, whatever the pattern. JavaScript's own
 * engine backtracks, and a pattern such as `^/(a+)+$` took it forever on a 30-character
 * path, hanging the build.
 *
 * It is a RegExp (its `source` and `flags`, `test`, `String#replace`, `String#match` work as
 * usual) whose matching is RE2's: those methods all call `exec`, which this class replaces.
 * The pattern is read with JavaScript's meaning: `\s` and `.` are translated to the characters
 * JavaScript gives them (RE2's `\s` knows no no-break space, its `.` stops at `\n` only).
 * RE2 has no look-around and no back-reference: such a pattern is refused when it is
 * compiled (`linearPattern` says why, for the editor).
 */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;
  readonly #names: readonly [string, number][];

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    const given = flags ?? (typeof pattern === "string" ? "" : pattern.flags);
    super(source, given);
    this.#re2 = RE2JS.compile(RE2JS.translateRegExp(jsMeaning(source, given.includes("s"))), re2Flags(given));
    this.#names = Object.entries(this.#re2.namedGroups());
  }

  /** Patterns a RegExp method derives (`split`, `matchAll`) are linear too. */
  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  /** Without a place to keep (`g`, `y`), a test needs no groups: RE2 answers it with its faster automaton. */
  override test(input: string): boolean {
    return this.global || this.sticky ? this.exec(input) !== null : this.#re2.test(String(input));
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const keepsPlace = this.global || this.sticky;
    const from = keepsPlace ? this.lastIndex : 0;
    const matcher = from <= text.length ? this.#re2.matcher(text) : undefined;
    if (!matcher || !matcher.find(from) || (this.sticky && matcher.start() !== from)) {
      if (keepsPlace) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
    const result = Object.assign(groups, {
      index: matcher.start(),
      input: text,
      groups: this.#names.length ? Object.assign(Object.create(null) as Record<string, string | undefined>, Object.fromEntries(this.#names.map(([name, group]) => [name, groups[group]]))) : undefined,
    }) as RegExpExecArray;
    if (keepsPlace) this.lastIndex = matcher.end();
    return result;
  }
}

/** `pattern` compiled to run in linear time, or why it cannot be (for the editor). */
export function linearPattern(pattern: string, flags = ""): { regex: LinearRegExp } | { error: string } {
  try {
    return { regex: new LinearRegExp(pattern, flags) };
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, "");
    const unsupported = /\(\?[=!]|\(\?<[=!]|\\[1-9]|\\k</.test(pattern);
    return { error: unsupported ? `${message} (look-ahead, look-behind and back-references are not supported: they can make matching take forever)` : message };
  }
}

const guarded = new WeakSet<object>();

/**
 * Makes every pattern of the extraction rules linear again: a RegExp crossing to a worker
 * process or read back from the cache (structured clone) arrives as JavaScript's own.
 */
export function guardRulePatterns(rules: ExtractionRules): void {
  if (guarded.has(rules.boilerplate)) return;
  for (const list of Object.values(rules.boilerplate) as RegExp[][]) {
    for (let i = 0; i < list.length; i++) {
      const pattern = list[i] as RegExp;
      if (!(pattern instanceof LinearRegExp)) list[i] = new LinearRegExp(pattern.source, pattern.flags);
    }
  }
  guarded.add(rules.boilerplate);
}

function re2Flags(flags: string): number {
  if (/[^gimsuyd]/.test(flags)) throw new SyntaxError(`unknown flags "${flags}"`);
  return (flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes("m") ? RE2JS.MULTILINE : 0);
}

// JavaScript's white space (`\s`), as the inside of a character class, and its complement.
const SPACE = "\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
const NOT_SPACE = "\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}\\x{ff00}-\\x{10ffff}";
// What `.` matches without the `s` flag: anything but a line terminator.
const NOT_LINE_END = "[^\\n\\r\\x{2028}\\x{2029}]";

/** `source` with `\s`, `\S` and `.` spelled out as JavaScript reads them, for RE2. */
function jsMeaning(source: string, dotAll: boolean): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      if (next === "s") out += inClass ? SPACE : `[${SPACE}]`;
      else if (next === "S") out += inClass ? NOT_SPACE : `[${NOT_SPACE}]`;
      else out += char + next;
    } else if (inClass) {
      if (char === "]") inClass = false;
      out += char;
    } else if (char === "[") {
      const negated = source[i + 1] === "^";
      // `[]` and `[^]` are JavaScript's empty class and any character; to RE2 a first `]` is a literal.
      if (source[i + (negated ? 2 : 1)] === "]") {
        out += negated ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{0}-\\x{10ffff}]";
        i += negated ? 2 : 1;
        continue;
      }
      inClass = true;
      out += negated ? "[^" : "[";
      if (negated) i++;
    } else if (char === ".") out += dotAll ? "(?s:.)" : NOT_LINE_END;
    else out += char;
  }
  return out;
}
