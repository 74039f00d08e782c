import type { Archive } from "../pipeline/build-archive.ts";
import { planSite, type ArticlePage, type Planned, type PageView } from "./site-data.ts";
import { urls } from "../model/urls.ts";

/**
 * The pages of the archive's drafts (`draft: true`), for the dev server to preview at the
 * address they will have once published, marked as drafts. They are planned on their own,
 * never with the published articles: no list, feed, search index, sitemap or open-data file
 * of the site knows them, and `npm run build` never asks for them.
 */
export function draftPages(archive: Archive): Planned<PageView>[] {
  if (!archive.drafts.length) return [];
  const drafts = new Set(archive.drafts.map((record) => urls.article(record)));
  const alone = planSite({ ...archive, records: archive.drafts, redirects: [] });
  return alone.pages
    .filter((page) => drafts.has(page.url))
    .map((page) => ({
      url: page.url,
      digest: page.digest,
      // Related articles would be other drafts only: a preview shows the article itself.
      make: () => ({ ...(page.make() as ArticlePage), related: [], draft: true }),
    }));
}
