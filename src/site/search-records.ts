import type { Archive } from "../build/build-archive.ts";
import type { ArticleRecord } from "../records/article.ts";
import { markdownLineAsWords } from "../text/markdown-text.ts";
import { STRINGS } from "./strings.ts";
import { urls } from "./urls.ts";

/**
 * What the search index holds for each published article: its text (headline, summary,
 * body) and its filters (actors, topics, outlet, year). Built from the records, not from
 * rendered pages, so indexing can run while the pages are being written.
 */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}

/** The search records of some of the archive's articles (by default all of them). */
export function searchRecords(archive: Archive, records: readonly ArticleRecord[] = archive.records): SearchRecord[] {
  const strings = STRINGS[archive.config.lang];
  return records.map((record) => {
    const filters: Record<string, string[]> = {};
    const set = (name: string, values: string[]) => {
      if (values.length) filters[name] = values;
    };
    set(strings.filterActor, [...record.people, ...record.agencies].map((ref) => filterValue(ref.name)));
    set(strings.filterTopic, record.topics.map((ref) => filterValue(ref.name)));
    set(strings.filterOutlet, record.outlet ? [filterValue(record.outlet.name)] : []);
    set(strings.filterYear, record.date ? [record.date.value.slice(0, 4)] : []);
    const title = record.title ?? strings.undated;
    return {
      url: urls.article(record),
      content: withAsciiApostrophes(`${title}.\n${plainText(record.body)}`),
      language: archive.config.lang,
      meta: { title },
      filters,
    };
  });
}

/**
 * A filter's value as Pagefind's interface needs it: the interface prints a value as HTML
 * (Pagefind UI 1.6 inserts it with Svelte's `{@html}`), so a name from a source is given
 * escaped and the interface shows its text. The escaped value is also the key searches filter
 * by, in the index and in the interface alike, so filtering is unchanged. The result's title
 * (`meta.title`) is printed as text by the interface and the excerpt is escaped by Pagefind's
 * search code: they are given as written.
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
