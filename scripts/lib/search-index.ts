import { join } from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../../src/site/search-records.ts";

/**
 * Writes the Pagefind index (https://pagefind.app) of the articles into `site/pagefind`:
 * French stemming from each record's language, filters by actor, topic, outlet and year.
 * Records are sent in order and in one go, so the index is the same from build to build
 * and Pagefind's own process works while the pages are being rendered.
 */
export async function writeSearchIndex(records: readonly SearchRecord[], site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`Pagefind: ${failed.slice(0, 3).join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return records.length;
  } finally {
    await pagefind.close();
  }
}
