import type { ExtractionRules } from "../model/knowledge.ts";
import { markdownAsText, textAsMarkdown } from "../text/markdown-text.ts";
import { LinearRegExp } from "../knowledge/linear-regexp.ts";
import { findDateMentions, type DateMention } from "./date-mentions.ts";

/**
 * Splits a captured page into what the article is and what the page around it is:
 * headline, datelines, bylines, body paragraphs, captions, tag lines, and the
 * furniture (navigation, share lines, offers) and teasers (related articles) that
 * must never tag the article. Works line by line: captures keep one block per line.
 */
export type LineKind =
  | "blank"
  | "furniture"
  | "byline"
  | "dateline"
  | "tags"
  | "title"
  | "caption"
  | "body"
  | "header"
  | "teaser";

export interface PageLine {
  /** 0-based index in the text's lines. */
  index: number;
  text: string;
  kind: LineKind;
}

export interface SegmentedPage {
  lines: PageLine[];
  title: string | null;
  /** Body paragraphs in order, captions and credits removed, as text (what extraction reads). */
  body: string[];
  /** The same paragraphs as Markdown that renders them as the source shows them (the record's body). */
  bodyMarkdown: string[];
  /** Photo captions with their credits removed: part of the story for names, not of the body. */
  captions: string[];
  /** Terms of "Sujets associés"-like lines. */
  tags: string[];
  /** Names the bylines give (an author or the outlet itself). */
  bylines: string[];
  datelines: string[];
  /** Dropped lines, kept for outlet cues ("Logo Perspectives med"). */
  furniture: string[];
  teasers: string[];
  /** A ` date YYYY-MM[-DD] ` prefix some captures carry before the text. */
  capturedDate: string | null;
}

export interface SegmentOptions {
  /** Words of the page URL's last path segment; a header line sharing most of them is the headline. */
  slugWords?: readonly string[];
  /** A title known from elsewhere (HTML markup, front matter): the line equal to it is the headline. */
  knownTitle?: string | null;
  /**
   * How the lines are written: `text` as typed (a raw capture: a `[…](…)`, `__x__` or `# …`
   * in it is text, escaped for the body), or `markdown` (a saved page converted to Markdown:
   * its escapes and links are read as their text, and kept in the body). Default `text`.
   */
  syntax?: "text" | "markdown";
}

const CAPTURE_PREFIX = /^\s*date (\d{4}-\d{2}(?:-\d{2})?)\s+/;
const TITLE_MAX = 250;
/** The longest line a credit's label ("Crédits photo :") may name on the next line. */
const CREDITED_NAME_MAX = 80;
const SENTENCE_END = /[.!?…»"”)]$/;
const PUBLICATION_WORDS = /\b(publi|mis à jour|mise à jour|mis en ligne|posté|updated|posted|modifi)/i;
/** A stamp opens with its word ("Publié le", "Dernière modification :"), alone or after a separator; "le rapport publié le…" is a sentence. */
const STAMP_HEAD = new RegExp(`^(?:.*[-–—|•,]\\s*)?(?:(?:date|dernière|première|article)\\s+(?:de\\s+)?)?${PUBLICATION_WORDS.source}`, "iu");
const PUBLICATION_STAMP = new RegExp(`${PUBLICATION_WORDS.source}|\\b\\d{1,2} ?[hH:] ?\\d{2}\\b`, "i");

export function segmentPage(text: string, rules: ExtractionRules, options: SegmentOptions = {}): SegmentedPage {
  const prefix = CAPTURE_PREFIX.exec(text);
  const source = prefix ? text.slice(prefix[0].length) : text;
  const markdown = options.syntax === "markdown";
  const { lines, written } = classifyLines(source.replace(/\r\n?/g, "\n").split("\n"), rules, markdown);
  markTeaserTail(lines);
  markAuthorLines(lines, rules);
  chooseTitle(lines, options);
  keepDatelinesNearTop(lines);
  return collectParts(lines, written, rules, markdown, prefix?.[1] ?? null);
}

/**
 * Each line's kind. Once teasers begin, every later line is read as a teaser or furniture.
 * `written`: a Markdown line as written, by index, where its text differs.
 */
function classifyLines(rawLines: readonly string[], rules: ExtractionRules, markdown: boolean): { lines: PageLine[]; written: Map<number, string> } {
  const lines: PageLine[] = [];
  const written = new Map<number, string>();
  let inTeasers = false;
  // A section heading ("Commentaires", "À lire aussi") ends the article only once the article has
  // begun: above its first paragraph it is a label of the page's header (a comment counter).
  let articleBegun = false;
  // "Crédits photo :" alone on its line credits the short line that follows: a name, never a person of the story.
  let creditFollows = false;
  for (const [index, raw] of rawLines.entries()) {
    const collapsed = raw.replace(/\s+/g, " ").trim();
    const line = markdown ? markdownAsText(collapsed) : collapsed;
    if (markdown && line !== collapsed) written.set(index, collapsed);
    const credited: boolean = creditFollows && line.length <= CREDITED_NAME_MAX && !SENTENCE_END.test(line);
    const kind: LineKind = inTeasers ? teaserKind(line, rules) : credited ? "furniture" : classify(line, rules);
    if (line !== "") creditFollows = kind === "caption" && line.endsWith(":") && removeCredits(line, rules) === "";
    const sectionEnd = !inTeasers && matchersOf(rules).sectionEnd(line);
    if (kind === "teaser" || (sectionEnd && articleBegun)) {
      inTeasers = true;
      lines.push({ index, text: line, kind: "teaser" });
      continue;
    }
    const pageLine: PageLine = { index, text: line, kind: sectionEnd ? "furniture" : kind };
    if (isParagraph(pageLine)) articleBegun = true;
    lines.push(pageLine);
  }
  return { lines, written };
}

/** "Marie Dupont" alone on its line near "Par Marie Dupont, journaliste": the author's name is furniture, never the headline. */
function markAuthorLines(lines: PageLine[], rules: ExtractionRules): void {
  const authors = new Set(lines.filter((line) => line.kind === "byline").flatMap((line) => bylineNames(line.text, rules)));
  if (authors.size === 0) return;
  for (const line of lines) if (line.kind === "body" && authors.has(line.text)) line.kind = "furniture";
}

/**
 * A date line inside the body (a tweet's signature, a quoted document) is not a dateline,
 * unless it says it is one ("Publié le …", a time of day) near the top of the article.
 */
function keepDatelinesNearTop(lines: PageLine[]): void {
  const paragraphs = lines.filter(isParagraph).map((line) => line.index);
  for (const line of lines) {
    if (line.kind !== "dateline" || paragraphs.length === 0 || line.index < (paragraphs[0] as number)) continue;
    const nearTop = paragraphs.length < 3 || line.index < (paragraphs[2] as number);
    if (!(nearTop && PUBLICATION_STAMP.test(line.text))) line.kind = "body";
  }
}

/** The page's parts, from its classified lines: title, body, captions, tags, bylines, datelines, furniture, teasers. */
function collectParts(lines: PageLine[], written: ReadonlyMap<number, string>, rules: ExtractionRules, markdown: boolean, capturedDate: string | null): SegmentedPage {
  const page: SegmentedPage = { lines, title: null, body: [], bodyMarkdown: [], captions: [], tags: [], bylines: [], datelines: [], furniture: [], teasers: [], capturedDate };
  let seenTitle = !lines.some((line) => line.kind === "title");
  for (const line of lines) {
    switch (line.kind) {
      case "title":
        page.title = withoutRubric(stripMarkdownHeading(line.text), rules);
        seenTitle = true;
        break;
      case "tags":
        page.tags.push(...splitTags(line.text, rules));
        break;
      case "byline":
        page.bylines.push(...bylineNames(line.text, rules));
        break;
      case "dateline":
        page.datelines.push(line.text);
        page.bylines.push(...bylineNames(line.text, rules));
        break;
      case "furniture":
        page.furniture.push(line.text);
        break;
      case "teaser":
        if (line.text) page.teasers.push(line.text);
        break;
      case "caption":
        page.captions.push(removeCredits(line.text, rules));
        break;
      case "body":
        if (page.body.length === 0 && page.datelines.length === 0) {
          const dateline = leadingDateline(line.text);
          if (dateline) page.datelines.push(dateline);
        }
        if (seenTitle || page.title === null) {
          page.body.push(line.text);
          page.bodyMarkdown.push(markdown ? written.get(line.index) ?? line.text : textAsMarkdown(line.text));
        }
        break;
      case "header":
      case "blank":
        break;
    }
  }
  return page;
}

/** Whether a line is of a kind the rules list: every pattern of the kind tried in one pass. */
interface LineMatchers {
  sectionEnd: (line: string) => boolean;
  tags: (line: string) => boolean;
  furniture: (line: string) => boolean;
  byline: (line: string) => boolean;
}

const lineMatchers = new WeakMap<ExtractionRules, LineMatchers>();

function matchersOf(rules: ExtractionRules): LineMatchers {
  let matchers = lineMatchers.get(rules);
  if (!matchers) {
    const { sectionEnd, tags, line, byline } = rules.boilerplate;
    matchers = { sectionEnd: anyOf(sectionEnd), tags: anyOf(tags), furniture: anyOf(line), byline: anyOf(byline) };
    lineMatchers.set(rules, matchers);
  }
  return matchers;
}

/**
 * One alternation of the patterns, in the same linear-time engine: a line is read once
 * instead of once per pattern, which keeps a long list of furniture cheap. Named groups
 * (bylines' `name`) are only for reading a match and would clash once joined.
 */
function anyOf(patterns: readonly RegExp[]): (line: string) => boolean {
  const flags = patterns[0]?.flags.replace("g", "");
  if (flags === undefined) return () => false;
  const separate = (line: string) => patterns.some((regex) => regex.test(line));
  if (patterns.some((regex) => regex.flags.replace("g", "") !== flags)) return separate;
  try {
    const joined = new LinearRegExp(patterns.map((regex) => `(?:${regex.source.replace(/\(\?<[A-Za-z_]\w*>/g, "(?:")})`).join("|"), flags);
    return (line) => joined.test(line);
  } catch {
    return separate;
  }
}

function classify(line: string, rules: ExtractionRules): LineKind {
  if (line === "") return "blank";
  if (matchersOf(rules).tags(line)) return "tags";
  // An update stamp is furniture ("Modifié il y a 3 heures") unless it carries the full date it stamps.
  if (matchersOf(rules).furniture(line)) return PUBLICATION_WORDS.test(line) && isDateline(line) ? "dateline" : "furniture";
  if (isDateline(line)) return "dateline";
  if (matchersOf(rules).byline(line)) return "byline";
  if (removeCredits(line, rules) !== line) return "caption";
  return "body";
}

function teaserKind(line: string, rules: ExtractionRules): LineKind {
  if (matchersOf(rules).tags(line)) return "tags";
  return "teaser";
}

/** A short line made of a date (and a time, a place, a byline): "26 septembre 2020 - 14h40 - Maroc - Ecrit par : Bladi.net". */
export function isDateline(line: string): boolean {
  if (line.length > 160) return false;
  const mentions = findDateMentions(line).filter((mention) => mention.year !== undefined && mention.day !== undefined);
  if (mentions.length === 0) return false;
  if (STAMP_HEAD.test(line)) return true;
  const rest = mentions.reduce((text, mention) => text.replace(mention.text, " "), line);
  const words = rest.match(/\p{L}{3,}/gu) ?? [];
  return words.length <= 8 && DATELINE_HEAD.test(line.slice(0, (mentions[0] as DateMention).start));
}

/**
 * What may precede the date of a dateline: nothing, a place or a name ("Rabat, le", "Jean
 * Dupont"), a byline or any segment closed by a separator ("Maroc - "). "La réunion du" is a
 * sentence about an event, not a dateline.
 */
const DATELINE_HEAD = /^(?:|.*[-–—|•,:]\s*(?:[Ll]e\s+)?|(?:[Pp]ar|[Bb]y)\s.*|(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:le\s+)?)$/u;

/** "Casablanca, le 2 février 2021 –" (or "Paris (AFP) –") opening the first paragraph: the article's dateline. */
export function leadingDateline(paragraph: string): string | undefined {
  const mention = findDateMentions(paragraph.slice(0, 120)).find((m) => m.year !== undefined && m.day !== undefined && m.month !== undefined);
  if (!mention || mention.start > 60) return undefined;
  const head = paragraph.slice(0, mention.start);
  const tail = paragraph.slice(mention.end);
  if (!/^(?:\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*(?:\s*\([^)]{1,30}\))?,?\s*(?:le\s+)?)?$/u.test(head)) return undefined;
  const closing = /^\s*(?:\([^)]{1,30}\))?\s*[-–—:]\s/.exec(tail);
  return closing ? paragraph.slice(0, mention.end).trim() : undefined;
}

/**
 * Related-article blocks without a heading: from the end of the page, pairs of a short
 * headline and a blurb cut with "…". Two pairs or more make a teaser block.
 */
function markTeaserTail(lines: PageLine[]): void {
  const content = lines.filter((line) => line.kind === "body" || line.kind === "caption");
  let pairs = 0;
  let cut = content.length;
  for (let i = content.length - 1; i >= 1; i -= 2) {
    const blurb = content[i] as PageLine;
    const headline = content[i - 1] as PageLine;
    if (/(\.\.\.|…)$/.test(blurb.text) && headline.text.length <= TITLE_MAX && !/[.]$/.test(headline.text)) {
      pairs++;
      cut = i - 1;
    } else break;
  }
  if (pairs >= 2) for (const line of content.slice(cut)) line.kind = "teaser";
}

function isTitleCandidate(line: PageLine): boolean {
  if (line.kind !== "body") return false;
  const text = line.text;
  if (text.length > TITLE_MAX || text.length < 8) return false;
  if (/\.$/.test(text) && !/\.\.\.$/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}«"“'#]/u.test(text)) return false;
  const words = text.split(" ").filter((word) => /\p{L}/u.test(word));
  return words.length >= 2;
}

function isParagraph(line: PageLine): boolean {
  if (line.kind !== "body" || isTitleCandidate(line)) return false;
  const words = line.text.split(" ").length;
  return line.text.length >= 100 || (SENTENCE_END.test(line.text) && words >= 8);
}

/**
 * The headline is the first line of the last run of title-like lines before the first
 * paragraph ("Mohamed Yassine Mansouri" / "Directeur général…, 46 ans"), unless a line near
 * the top equals the known title or shares most words with the URL's slug. Some captures
 * open with the lead paragraph and give the headline after it: a title-like line right after
 * an opening paragraph, followed by the body, is then the headline.
 */
function chooseTitle(lines: PageLine[], options: SegmentOptions): void {
  const paragraphs = lines.filter(isParagraph);
  const firstParagraph = paragraphs[0] ? lines.indexOf(paragraphs[0]) : -1;
  const header = lines.slice(0, firstParagraph === -1 ? lines.length : firstParagraph);
  // The top of the page: the header and the lines up to the third paragraph, where a headline after a lead can stand.
  const top = paragraphs[2] ? lines.slice(0, lines.indexOf(paragraphs[2])) : lines;
  const known = options.knownTitle ? normalize(options.knownTitle) : null;
  let chosen: PageLine | undefined = known ? top.find((line) => line.kind === "body" && normalize(stripMarkdownHeading(line.text)) === known) : undefined;
  if (!chosen && options.slugWords && options.slugWords.length >= 3) {
    const slug = new Set(options.slugWords);
    let bestScore = 0.6;
    for (const line of top.filter(isTitleCandidate)) {
      const words = new Set(normalize(line.text).split(" "));
      const shared = [...slug].filter((word) => words.has(word)).length;
      const score = shared / slug.size;
      if (score > bestScore || (score === bestScore && !chosen)) [chosen, bestScore] = [line, score];
    }
  }
  if (!chosen) {
    // A standfirst after the headline ("Le conseil a tranché.") ends the run without replacing it.
    let run: PageLine[] = [];
    let lastRun: PageLine[] = [];
    for (const line of header) {
      if (!isContent(line)) continue;
      if (isTitleCandidate(line)) run.push(line);
      else if (run.length) [lastRun, run] = [run, []];
    }
    const headerRun = run.length ? run : lastRun;
    chosen = headerRun.length ? headlineOfRun(headerRun, lines) : headlineAfterLead(lines, firstParagraph);
  }
  if (!chosen) return;
  chosen.kind = "title";
  // Lines before the headline are page header (rubrics, menus), not body; a lead paragraph stays in the body.
  for (const line of lines) {
    if (line === chosen) break;
    if (line.kind === "body" && !isParagraph(line)) line.kind = "header";
  }
}

/**
 * The headline of a run of title-like lines: its first line (a profile's name above its
 * subtitle), unless that is a short label ("Magazine Football", "PANDÉMIE") and a dateline or
 * byline follows the run, as it follows headlines: then the first longer line of the run.
 */
function headlineOfRun(run: readonly PageLine[], lines: readonly PageLine[]): PageLine {
  const first = run[0] as PageLine;
  const longer = run.find((line) => wordCount(line.text) > RUBRIC_WORDS);
  if (wordCount(first.text) > RUBRIC_WORDS || !longer) return first;
  const after = lines.slice(lines.indexOf(run[run.length - 1] as PageLine) + 1);
  const paragraph = after.findIndex(isParagraph);
  const beforeArticle = paragraph === -1 ? after : after.slice(0, paragraph);
  return beforeArticle.some((line) => line.kind === "dateline" || line.kind === "byline") ? longer : first;
}
/** The most words a rubric label above a headline has. */
const RUBRIC_WORDS = 3;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function isContent(line: PageLine): boolean {
  return !(line.kind === "blank" || line.kind === "furniture" || line.kind === "dateline" || line.kind === "byline" || line.kind === "caption");
}

/** The page opens with a paragraph, then a title-like line, then a paragraph: the line between is the headline. */
function headlineAfterLead(lines: PageLine[], firstParagraph: number): PageLine | undefined {
  if (firstParagraph === -1 || lines.slice(0, firstParagraph).some(isContent)) return undefined;
  const next = lines.slice(firstParagraph + 1).filter(isContent);
  const [candidate, after] = next;
  return candidate && isTitleCandidate(candidate) && after && (isParagraph(after) || isTitleCandidate(after)) ? candidate : undefined;
}

/**
 * A rubric stuck before the headline ("Société | Les loyers…", "PolitiqueLe gouvernement…",
 * "Justice Le procès…"): removed when the part before is itself a furniture line of the rules.
 */
function withoutRubric(title: string, rules: ExtractionRules): string {
  const isFurniture = (text: string) => matchersOf(rules).furniture(text.trim());
  const separated = /^([^|›»>]{2,40}?)\s*[|›»>]\s*(\S.*)$/u.exec(title);
  if (separated && isFurniture(separated[1] as string)) return separated[2] as string;
  const glued = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}*\s.*)$/u.exec(title);
  if (glued && isFurniture(glued[1] as string)) return glued[2] as string;
  const spaced = /^(\p{Lu}[\p{Ll}-]+(?: [\p{Ll}-]+)?) ((?:Le|La|Les|L['’]|Un|Une|Des|Du|Au|Aux|En|Pour|Dans|Quand|Comment|Pourquoi|Ce|Cette|Ces)\b.*)$/u.exec(title);
  if (spaced && isFurniture(spaced[1] as string)) return spaced[2] as string;
  return title;
}

export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function stripMarkdownHeading(text: string): string {
  return text.replace(/^#{1,6}\s+/, "").trim();
}

export function removeCredits(line: string, rules: ExtractionRules): string {
  let out = line;
  for (const regex of rules.boilerplate.credit) out = out.replace(regex, "");
  return out.trim();
}

function splitTags(line: string, rules: ExtractionRules): string[] {
  let rest = line;
  for (const regex of rules.boilerplate.tags) rest = rest.replace(regex, "");
  return rest
    .split(/\s+[-–—|•]\s+|\s*[,;]\s*/)
    .map((term) => term.trim())
    .filter((term) => term.length > 1);
}

function bylineNames(line: string, rules: ExtractionRules): string[] {
  const names: string[] = [];
  for (const part of line.split(/\s+[-–—|•]\s+/)) {
    for (const regex of rules.boilerplate.byline) {
      const name = regex.exec(part.trim())?.groups?.["name"];
      if (name) {
        names.push(name.trim());
        break;
      }
    }
  }
  return names;
}
