import { urls } from "../../model/urls.ts";
import { planSearchShards, searchBundlePath } from "../../search/shards.ts";
import { made, type Planned } from "../planning.ts";
import type { PageBase, PageContext } from "./shared.ts";

export interface SearchPage extends PageBase {
  type: "search";
  /** The search index's Pagefind bundles, relative to the site's root (`pagefind/`, `pagefind-1/`…): the first is the primary. */
  bundles: string[];
}

/** The search page, with the bundles of the search shards in use. */
export function searchPage(context: PageContext): Planned<SearchPage> {
  const { strings } = context;
  const bundles = planSearchShards(context.archive).inUse.map((shard) => searchBundlePath(shard).slice(1));
  return made<SearchPage>({ type: "search", url: urls.search(), meta: context.meta(urls.search(), strings.search, strings.searchLead), bundles });
}
