import type { CountedLink } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";

/** Links to terms (actors, topics, outlets, months…), each with its count. */
export function termList(items: readonly CountedLink[]): Markup {
  return html`<ul class="terms">${each(items, (item) => html`
<li><a href="${item.url}">${item.name}</a> <span class="count">${item.count}</span></li>`)}
</ul>`;
}
