// Pagefind's search API as the search page's interface (Pagefind UI) sees it, with one change:
// a search waits until every filter of every merged bundle is loaded.
//
// Why: the interface asks for all filters once the indexes are merged, and meanwhile runs the
// reader's first search. A search counts results only under the filter chunks already loaded,
// and the interface keeps the filter groups of that first answer even once all filters arrive.
// A reader who typed before the filters loaded (a slow phone, a large archive) saw some filter
// groups, say "Année" alone, until the next search. Waiting costs no download: the filters are
// fetched at that moment anyway, alongside the index chunks of the searched words.
//
// The interface imports `${bundlePath}pagefind.js`, so this file has that name; search.js
// points the interface here, and this module loads the primary bundle's code named by the page.
const container = document.getElementById("search");
const base = container?.dataset.base || "/";
const [primary = "pagefind/"] = (container?.dataset.bundles || "").split(" ").filter(Boolean);
const pagefind = await import(`${base}${primary}pagefind.js`);

let allFilters;

export const options = (settings) => pagefind.options(settings);
export const mergeIndex = (bundlePath, settings) => pagefind.mergeIndex(bundlePath, settings);
export const preload = (term, settings) => pagefind.preload(term, settings);
// Asked for once the interface has merged every bundle; later calls share that answer.
export const filters = () => (allFilters ??= pagefind.filters());
export const search = async (term, settings) => {
  await filters();
  return pagefind.search(term, settings);
};
