import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { readPagefindFile, type CborValue } from "../../src/site/pagefind-file.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";

/**
 * Pagefind indexes for tests that compare an index with Pagefind's own: records made of real
 * articles, Pagefind's index of them, and what a search can see of an index.
 */
const CORPUS = join(import.meta.dirname, "../fixtures/corpus");

/** Real articles (headlines, accents, hyphens, figures), three times each under other addresses, so the index needs several chunks. */
export function corpusRecords(): SearchRecord[] {
  const texts = readdirSync(CORPUS).filter((name) => name.endsWith(".txt")).sort().map((name) => readFileSync(join(CORPUS, name), "utf8"));
  return [0, 1, 2].flatMap((copy) =>
    texts.map((text, i) => ({
      url: `/articles/${copy}-${i}/`,
      // Words past U+FFFF and just below it, which UTF-16 and UTF-8 sort differently (Pagefind sorts by UTF-8 bytes).
      content: i === 0 ? `${text}\nLe 𝔸𝔹ℂ, le ＦＵＬＬ et l’ﬁn 😀 — fin.` : text,
      language: "fr",
      meta: { title: text.split("\n")[0] ?? "" },
      filters: { acteur: [`Acteur ${i % 5}`, ...(i % 3 === 0 ? ["Élise Durand"] : [])], année: [String(2020 + (i % 4))] },
    })),
  );
}

export type Files = Map<string, Buffer>;

export async function pagefindIndex(records: readonly SearchRecord[]): Promise<Files> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join("; "));
  for (const record of records) await index.addCustomRecord(record);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content)]));
}

/** An index in one language as what a search can see of it: words → pages (by address) with their locations, filters → pages, chunk boundaries. */
export function searchView(read: (path: string) => Buffer, language = "fr") {
  const entry = JSON.parse(read("pagefind-entry.json").toString("utf8")) as { languages: Record<string, { hash: string; page_count: number }> };
  const { hash, page_count: pageCount } = entry.languages[language] as { hash: string; page_count: number };
  const [, pages, chunks, filters, sorts, fields] = readPagefindFile(read(`pagefind.${hash}.pf_meta`), "meta") as CborValue[][];
  const urls = (pages as [string][]).map(([fragment]) => (JSON.parse(gunzipSync(read(`fragment/${fragment}.pf_fragment`)).subarray(12).toString("utf8")) as { url: string }).url);
  const listed = (list: CborValue[][]) => {
    let page = 0;
    return list.map(([delta, ...rest]) => `${urls[(page += delta as number)]} ${JSON.stringify(rest)}`).sort();
  };
  const words = new Map<string, string[]>();
  const order: string[] = [];
  for (const [, , chunk] of chunks as string[][]) {
    const [chunkWords] = readPagefindFile(read(`index/${chunk}.pf_index`), chunk as string) as CborValue[][][];
    for (const [word, wordPages, variants] of chunkWords as [string, CborValue[][], [string, CborValue[][]][]][]) {
      order.push(word);
      words.set(word, [...listed(wordPages), ...variants.map(([spelling, spellingPages]) => `${spelling}: ${listed(spellingPages).join("; ")}`).sort()]);
    }
  }
  const filterPages = new Map<string, string[]>();
  for (const [name, filter] of filters as string[][]) {
    const [, values] = readPagefindFile(read(`filter/${filter}.pf_filter`), filter as string) as [string, [string, number[]][]];
    for (const [value, valuePages] of values) filterPages.set(`${name}=${value}`, valuePages.map((page) => urls[page] as string).sort());
  }
  return { pageCount, urls: [...urls].sort(), words, order, filterPages, chunks: (chunks as string[][]).map(([from, to]) => `${from}…${to}`), sorts, fields };
}

