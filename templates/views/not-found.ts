import type { SiteShared } from "../../src/site/site-data.ts";
import { html, type Markup } from "../html.ts";

/** The page a host shows for an address that matches nothing (404.html). */
export function notFoundView(site: SiteShared): Markup {
  const { strings } = site;
  return html`<h1>${strings.notFound}</h1>
<p class="lead">${strings.notFoundLead}</p>
<p><a href="/">${strings.home}</a> · <a href="${site.links.search}">${strings.search}</a></p>`;
}
