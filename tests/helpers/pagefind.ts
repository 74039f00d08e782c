import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SearchRecord } from "../../src/search/records.ts";
import { serveStatic } from "./serve.ts";

/**
 * Searches in a built index as the reader's browser makes them: the site is served over HTTP
 * and the primary bundle's own search code (pagefind.js, its WebAssembly) is loaded in Node,
 * through Pagefind's JavaScript API, with the other bundles merged into it (`mergeIndex`) as
 * the search page merges them.
 */
const CORPUS = join(import.meta.dirname, "../fixtures/corpus");

/** Real articles (headlines, accents, hyphens, figures), three times each under other addresses. */
export function corpusRecords(): SearchRecord[] {
  const texts = readdirSync(CORPUS).filter((name) => name.endsWith(".txt")).sort().map((name) => readFileSync(join(CORPUS, name), "utf8"));
  return [0, 1, 2].flatMap((copy) =>
    texts.map((text, i) => ({
      url: `/articles/${copy}-${i}/`,
      content: text,
      language: "fr",
      meta: { title: text.split("\n")[0] ?? "" },
      filters: { acteur: [`Acteur ${i % 5}`, ...(i % 3 === 0 ? ["Élise Durand"] : [])], année: [String(2020 + (i % 4))] },
    })),
  );
}

/** One result as Pagefind's search code gives it: the page's address (its path), what the record's `meta` and `filters` were, the excerpt. */
export interface Found {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
}

export interface SearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, "asc" | "desc">;
}

export interface BuiltIndex {
  search(query: string | null, options?: SearchOptions): Promise<Found[]>;
  /** Every filter's values, with their counts of pages. */
  filters(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

/** The Pagefind bundles of a site (`pagefind`, `pagefind-1`…), the primary first. */
export function bundlesIn(site: string): string[] {
  return readdirSync(site)
    .filter((name) => /^pagefind(-\d+)?$/.test(name))
    .sort((a, b) => Number(a.split("-")[1] ?? 0) - Number(b.split("-")[1] ?? 0));
}

/** Opens the index of the site built in `site` (a folder holding `pagefind/`, `pagefind-1/`…: the bundles of the shards in use). */
export async function openBuiltIndex(site: string): Promise<BuiltIndex> {
  // The first bundle carries Pagefind's search code, as the search page has it.
  const [primary, ...merged] = bundlesIn(site);
  if (!primary) throw new Error(`${site} has no search bundle`);
  const server = await serveStatic(site);
  let pagefind: PagefindApi;
  try {
    // Pagefind's module holds one search state: the site's own file, loaded once per site.
    pagefind = (await import(pathToFileURL(join(site, primary, "pagefind.js")).href)) as PagefindApi;
    await pagefind.options({ basePath: new URL(`${primary}/`, server.url).href });
    for (const bundle of merged) await pagefind.mergeIndex(new URL(`${bundle}/`, server.url).href);
  } catch (error) {
    // A site whose index cannot be opened fails its test rather than keep the test process alive.
    await server.close();
    throw error;
  }
  return {
    async search(query, options = {}) {
      const response = await pagefind.search(query, options);
      const found = await Promise.all(response.results.map((result) => result.data()));
      return found.map(({ url, meta, filters, excerpt }) => ({ url: new URL(url).pathname, meta, filters, excerpt }));
    },
    filters: () => pagefind.filters(),
    close: () => server.close(),
  };
}

/** The part of Pagefind's JavaScript API (pagefind.js) these tests use. */
interface PagefindApi {
  options(options: { basePath: string }): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(query: string | null, options: SearchOptions): Promise<{ results: { data(): Promise<Found> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
