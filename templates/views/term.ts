import type { SiteShared, TermPage } from "../../src/site/site-data.ts";
import { each, html, trusted, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";
import { companionsNetwork } from "../partials/companions-network.ts";
import { pagerNav } from "../partials/pager.ts";
import { termList } from "../partials/term-list.ts";

/** An actor, topic, place or outlet: who or what it is, its coverage over time, the articles that mention it (or that it published), page by page. */
export function termView(site: SiteShared, view: TermPage): Markup {
  const { strings } = site;
  const aside = view.alongside.length || view.outlets.length;
  return html`<article class="term">
<header>
<p class="kind">${view.kindLabel}</p>
<h1>${view.name}</h1>${
    view.description ? html`
<p class="lead">${view.description}</p>` : null
  }${
    view.roles.length ? html`
<h2>${strings.roles}</h2>
<ul class="roles">${each(view.roles, (role) => html`
<li>${role.title}${role.period ? html` <span class="period">(${role.period})</span>` : null}</li>`)}
</ul>` : null
  }${
    view.feedUrl ? html`
<p class="feed"><a href="${view.feedUrl}" type="application/atom+xml">${strings.feed}</a></p>` : null
  }
</header>${
    view.timeline ? html`
<section aria-labelledby="coverage">
<h2 id="coverage">${strings.coverage}</h2>
<figure class="chart">${trusted(view.timeline)}</figure>
</section>` : null
  }
<div class="term-columns">
<section aria-labelledby="term-articles">
<h2 id="term-articles">${view.articlesHeading} <span class="count">${view.totalLabel}</span></h2>
${articleList(site, view.articles)}${view.pager ? html`
${pagerNav(site, view.pager)}` : null}
</section>${
    aside ? html`
<div class="term-aside">${
        view.alongside.length ? html`
<section aria-labelledby="alongside">
<h2 id="alongside">${strings.alongside}</h2>
${companionsNetwork(view.companions)}${termList(view.alongside)}
</section>` : null
      }${
        view.outlets.length ? html`
<section aria-labelledby="covered-by">
<h2 id="covered-by">${strings.coveredBy}</h2>
${termList(view.outlets)}
</section>` : null
      }
</div>` : null
  }
</div>
</article>`;
}
