import type { DataPage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";

/** The open-data files, with their format and what they hold. */
export function dataView(site: SiteShared, view: DataPage): Markup {
  const { strings } = site;
  return html`<h1>${strings.openData}</h1>
<p class="lead">${strings.openDataLead}</p>
<table>
<thead><tr><th scope="col">${strings.file}</th><th scope="col">${strings.format}</th><th scope="col">${strings.contents}</th></tr></thead>
<tbody>${each(view.files, (file) => html`
<tr><td><a href="${file.url}">${file.name}</a></td><td>${file.format}</td><td>${file.description === "articles" ? strings.articles : strings.actors}</td></tr>`)}
</tbody>
</table>`;
}
