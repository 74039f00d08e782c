import type { ArchivePage, SiteShared } from "../../src/site/site-data.ts";
import { html, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";
import { pagerNav } from "../partials/pager.ts";
import { termList } from "../partials/term-list.ts";

/** The articles of a year or a month, page by page; a year links to its months. */
export function archiveView(site: SiteShared, view: ArchivePage): Markup {
  return html`<h1>${view.title}</h1>
<p class="meta">${view.totalLabel}</p>${
    view.months.length ? html`
<nav aria-label="${site.strings.months}">
${termList(view.months)}
</nav>` : null
  }
${articleList(site, view.articles, 2)}${view.pager ? html`
${pagerNav(site, view.pager)}` : null}`;
}
