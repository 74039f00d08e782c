/**
 * Numbered pagination that stays small however long the list: the first and last pages,
 * the pages around the current one, and gaps between. Listing every page on every page
 * would make an actor with 10,000 articles print 500 links on each of its 500 pages.
 */
export interface PagerView {
  previous: string | null;
  next: string | null;
  pages: ({ number: number; url: string; current: boolean } | { gap: true })[];
}

/** Pages shown on each side of the current one. */
const AROUND = 2;

export function pager(urlOf: (page: number) => string, page: number, pageCount: number): PagerView {
  const shown: number[] = [];
  for (let n = 1; n <= pageCount; n++) if (n === 1 || n === pageCount || Math.abs(n - page) <= AROUND) shown.push(n);
  const pages: PagerView["pages"] = [];
  shown.forEach((n, i) => {
    const before = shown[i - 1];
    // A gap of a single page shows that page instead of an ellipsis.
    if (before !== undefined && n - before === 2) pages.push({ number: before + 1, url: urlOf(before + 1), current: false });
    else if (before !== undefined && n - before > 2) pages.push({ gap: true });
    pages.push({ number: n, url: urlOf(n), current: n === page });
  });
  return { previous: page > 1 ? urlOf(page - 1) : null, next: page < pageCount ? urlOf(page + 1) : null, pages };
}
