import { join } from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes the built site with Pagefind (https://pagefind.app): only article bodies
 * (`data-pagefind-body`), in the pages' language (French stemming from `<html lang="fr">`),
 * with the filters the templates mark (actor, topic, outlet, year).
 */
export async function indexForSearch(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
