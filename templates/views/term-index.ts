import type { SiteShared, TermIndexPage } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";
import { termList } from "../partials/term-list.ts";

/** Every person, agency, topic, place or outlet, by initial letter. */
export function termIndexView(site: SiteShared, view: TermIndexPage): Markup {
  return html`<h1>${view.title}</h1>
<nav class="letters" aria-label="${site.strings.byLetter}">
<ul>${each(view.letters, (group) => html`<li><a href="#${group.anchor}">${group.letter}</a></li>`)}</ul>
</nav>${each(view.letters, (group) => html`
<section aria-labelledby="${group.anchor}">
<h2 id="${group.anchor}">${group.letter}</h2>
${termList(group.items)}
</section>`)}`;
}
