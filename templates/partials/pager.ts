import type { PagerView } from "../../src/site/pager.ts";
import type { SiteShared } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";

/** Previous, numbered pages with gaps, next (a list that fits on one page has no pager). */
export function pagerNav(site: SiteShared, pager: PagerView): Markup {
  const { strings } = site;
  return html`<nav class="pager" aria-label="${strings.pagination}">
<ul>${pager.previous ? html`<li><a href="${pager.previous}" rel="prev">${strings.previous}</a></li>` : null}${each(pager.pages, (p) =>
    "gap" in p
      ? html`<li class="pager-gap" aria-hidden="true">…</li>`
      : html`<li>${p.current ? html`<a href="${p.url}" aria-current="page">${p.number}</a>` : html`<a href="${p.url}">${p.number}</a>`}</li>`,
  )}${pager.next ? html`<li><a href="${pager.next}" rel="next">${strings.next}</a></li>` : null}
</ul>
</nav>`;
}
