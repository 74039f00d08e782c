import type { ArchiveIndexPage } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";
import { termList } from "../partials/term-list.ts";

/** The archives by year, each with its months; the undated articles last, then the listing of every article. */
export function archiveIndexView(view: ArchiveIndexPage): Markup {
  return html`<h1>${view.meta.title}</h1>${each(view.years, (year) => html`
<section aria-labelledby="year-${year.label}">
<h2 id="year-${year.label}"><a href="${year.url}">${year.label}</a> <span class="count">${year.count}</span></h2>
${termList(year.months)}
</section>`)}${
    view.undated ? html`
<p><a href="${view.undated.url}">${view.undated.name}</a> <span class="count">${view.undated.count}</span></p>` : null
  }
<p class="see-all"><a href="${view.all.url}">${view.all.name}</a> <span class="count">${view.all.count}</span></p>`;
}
