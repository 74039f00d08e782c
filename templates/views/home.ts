import type { HomePage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";
import { termList } from "../partials/term-list.ts";

/**
 * The latest articles with a link to all of them; the most cited people, agencies, topics,
 * places, outlets and the years, each with a link to its whole index. The « Voir tout »
 * links say which index they open to screen readers, where they are read out of context.
 */
export function homeView(site: SiteShared, view: HomePage): Markup {
  const { strings, config } = site;
  return html`<h1>${config.title}</h1>
<p class="lead">${config.description}</p>
<div class="home">
<section aria-labelledby="latest">
<h2 id="latest">${strings.latestArticles}</h2>
${articleList(site, view.latest)}
<p class="see-all"><a href="${view.allArticles.url}">${view.allArticles.name}</a></p>
</section>
<div class="home-aside">${each(
    view.lists,
    (list) => html`
<section aria-labelledby="${list.id}">
<h2 id="${list.id}">${list.title}</h2>
${termList(list.items)}
<p class="see-all"><a href="${list.seeAll.url}">${list.seeAll.name}<span class="visually-hidden"> — ${list.title}</span></a></p>
</section>`,
  )}
</div>
</div>`;
}
