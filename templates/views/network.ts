import type { NetworkPage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, trusted, type Markup } from "../html.ts";

/** The network of the most cited actors (a prebuilt SVG) and the pairs most often cited together. */
export function networkView(site: SiteShared, view: NetworkPage): Markup {
  const { strings } = site;
  return html`<h1>${view.meta.title}</h1>
<p class="lead">${strings.networkLead}</p>${
    view.svg ? html`
<figure class="chart network-chart">${trusted(view.svg)}</figure>` : null
  }${
    view.pairs.length ? html`
<section aria-labelledby="pairs">
<h2 id="pairs">${strings.networkPairs}</h2>
<ol class="pairs">${each(view.pairs, (pair) => html`
<li><a href="${pair.a.url}">${pair.a.name}</a> — <a href="${pair.b.url}">${pair.b.name}</a> <span class="meta">${pair.label}</span></li>`)}
</ol>
</section>` : null
  }`;
}
