import type { SearchPage, SiteShared } from "../../src/site/site-data.ts";
import { html, type Markup } from "../html.ts";

/** The search page: Pagefind's interface fills the box (templates/assets/search.js); without JavaScript, a pointer to the indexes. */
export function searchView(site: SiteShared, view: SearchPage): Markup {
  const { strings } = site;
  return html`<h1>${strings.search}</h1>
<p class="lead">${strings.searchLead}</p>
<div id="search" class="search" data-label="${strings.searchLabel}" data-base="${site.config.pathPrefix}" data-bundles="${view.bundles.join(" ")}"></div>
<noscript><p>${strings.searchNoScript}</p></noscript>`;
}
