import type { ArticleCard, SiteShared } from "../../src/site/site-data.ts";
import { each, html, trusted, type Markup } from "../html.ts";

/** Cards of articles: title (a heading of `level`), date, outlet, summary. */
export function articleList(site: SiteShared, articles: readonly ArticleCard[], level = 3): Markup {
  const open = trusted(`<h${level}>`);
  const close = trusted(`</h${level}>`);
  return html`<ol class="article-list">${each(articles, (item) => html`
<li class="card">
${open}<a href="${item.url}">${item.title}</a>${close}
<p class="meta">${item.date ? html`<time datetime="${item.dateIso}">${item.date}</time>` : site.strings.undated}${item.outlet ? html` · ${item.outlet}` : null}</p>${
    item.summary ? html`
<p>${item.summary}</p>` : null
  }
</li>`)}
</ol>`;
}
