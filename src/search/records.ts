import type { Archive } from "../pipeline/build-archive.ts";
import type { ArticleRecord } from "../model/article.ts";
import { markdownLineAsWords } from "../text/markdown-text.ts";
import { formatDate } from "../site/format.ts";
import { STRINGS } from "../site/strings.ts";
import { urls } from "../model/urls.ts";

/**
 * What the search index holds for each published article, as Pagefind's `addCustomRecord`
 * takes it: its text (headline, summary, body), what a result shows (`meta`), its sort key
 * and its filters. Built from the records, not from rendered pages, so indexing can run while
 * the pages are being written.
 *
 * The search page (templates/assets/search*.js) reads, for each result:
 * - `meta.title`; `meta.date`, the date as the source gives it (ISO: `YYYY-MM-DD`, `YYYY-MM`
 *   or `YYYY`) and `meta.dateLabel`, the same as the site prints it, both absent when the
 *   article is undated; `meta.outlet`, the outlet's name, absent when unknown;
 * - `sort.date`, the ISO date (ISO dates sort as text), absent when undated, so that undated
 *   articles are left out of a search sorted by date, not put first or last;
 * - filters named by the site's language (STRINGS.filterPerson, filterInstitution,
 *   filterTopic, filterOutlet, filterYear), each present only when the article has a value.
 */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: SearchMeta;
  sort?: { date: string };
  filters: Record<string, string[]>;
}

/** A type, not an interface: Pagefind takes `meta` as a record of texts. */
export type SearchMeta = {
  title: string;
  date?: string;
  dateLabel?: string;
  outlet?: string;
};

/** The search records of some of the archive's articles (by default all of them). */
export function searchRecords(archive: Archive, records: readonly ArticleRecord[] = archive.records): SearchRecord[] {
  const { lang } = archive.config;
  const strings = STRINGS[lang];
  return records.map((record) => {
    const filters: Record<string, string[]> = {};
    const set = (name: string, values: string[]) => {
      if (values.length) filters[name] = values;
    };
    set(strings.filterPerson, record.people.map((ref) => filterValue(ref.name)));
    set(strings.filterInstitution, record.agencies.map((ref) => filterValue(ref.name)));
    set(strings.filterTopic, record.topics.map((ref) => filterValue(ref.name)));
    set(strings.filterOutlet, record.outlet ? [filterValue(record.outlet.name)] : []);
    set(strings.filterYear, record.date ? [record.date.value.slice(0, 4)] : []);
    const title = record.title ?? strings.undated;
    const meta: SearchMeta = { title };
    if (record.date) {
      meta.date = record.date.value;
      meta.dateLabel = formatDate(record.date, lang);
    }
    if (record.outlet) meta.outlet = record.outlet.name;
    return {
      url: urls.article(record),
      content: withAsciiApostrophes(`${title}.\n${plainText(record.body)}`),
      language: lang,
      meta,
      ...(record.date ? { sort: { date: record.date.value } } : {}),
      filters,
    };
  });
}

/**
 * A filter's value as Pagefind's interface needs it: the interface prints a value as HTML
 * (Pagefind UI 1.6 inserts it with Svelte's `{@html}`), so a name from a source is given
 * escaped and the interface shows its text. The escaped value is also the key searches filter
 * by, in the index and in the interface alike, so filtering is unchanged. The result's `meta`
 * fields are given as written (an interface prints them as text) and the excerpt is escaped by
 * Pagefind's search code.
 */
export function filterValue(name: string): string {
  return name.replace(/[&<>]/g, (character) => HTML_ESCAPES[character] as string);
}
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * French elides before a vowel (l’, d’, qu’, j’, n’, s’…), and Pagefind indexes the parts of a
 * word only where ASCII punctuation splits it: "l'ambassadeur" is found by a search for
 * "ambassadeur", "l’ambassadeur" is not. So the indexed text has ASCII apostrophes between
 * letters (the title shown in results keeps the typographic one; excerpts show the ASCII one).
 */
function withAsciiApostrophes(text: string): string {
  return text.replace(/(?<=\p{L})[’ʼ](?=\p{L})/gu, "'");
}

/** Markdown reduced to its words: no markup or escapes in excerpts. */
function plainText(markdown: string): string {
  return markdown.split("\n").map(markdownLineAsWords).join("\n");
}
