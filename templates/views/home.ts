import type { CountedLink, HomePage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";
import { termList } from "../partials/term-list.ts";

/** The latest articles, and the most cited people, agencies, topics, outlets and the years. */
export function homeView(site: SiteShared, view: HomePage): Markup {
  const { strings, config } = site;
  const blocks: [id: string, title: string, items: CountedLink[]][] = [
    ["home-people", strings.people, view.people],
    ["home-agencies", strings.agencies, view.agencies],
    ["home-topics", strings.topics, view.topics],
    ["home-outlets", strings.outlets, view.outlets],
    ["home-years", strings.archives, view.years],
  ];
  return html`<h1>${config.title}</h1>
<p class="lead">${config.description}</p>
<div class="home">
<section aria-labelledby="latest">
<h2 id="latest">${strings.latestArticles}</h2>
${articleList(site, view.latest)}
</section>
<div class="home-aside">${each(
    blocks.filter(([, , items]) => items.length > 0),
    ([id, title, items]) => html`
<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${termList(items)}
</section>`,
  )}
</div>
</div>`;
}
