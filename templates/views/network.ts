import type { NetworkPage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, trusted, type Markup } from "../html.ts";

/**
 * The network of the most cited actors: two prebuilt drawings (CSS shows the phone one or the
 * wide one), their key, a note when the archive has more actors than they show, and the pairs
 * most often named together, which are the drawing's text alternative.
 */
export function networkView(site: SiteShared, view: NetworkPage): Markup {
  const { strings } = site;
  return html`<h1>${view.meta.title}</h1>
<p class="lead">${strings.networkLead}</p>${
    view.capped ? html`
<p class="network-capped">${view.capped.text} <a href="${view.capped.people.url}">${view.capped.people.name}</a>, <a href="${view.capped.agencies.url}">${view.capped.agencies.name}</a>.</p>` : null
  }${
    view.wide ? html`
<figure class="chart network-chart">
<div class="network-scroll">${trusted(view.phone)}${trusted(view.wide)}</div>${
      view.legend ? html`
<figcaption class="network-legend">
<h2 class="network-legend-title">${strings.networkKey}</h2>
<ul>
<li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><circle class="person" cx="10" cy="10" r="7"/></svg> ${view.legend.person}</li>
<li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><rect class="agency" x="3.5" y="3.5" width="13" height="13" rx="2"/></svg> ${view.legend.agency}</li>
<li><svg class="swatch swatch-line" viewBox="0 0 40 20" aria-hidden="true"><line class="w1" x1="2" y1="6" x2="38" y2="6"/><line class="w4" x1="2" y1="15" x2="38" y2="15"/></svg> ${view.legend.edges}</li>
</ul>
<p class="meta">${view.legend.unlabelled}</p>
</figcaption>` : null
    }
</figure>` : null
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
