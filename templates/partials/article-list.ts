import type { ArticleCard, SiteShared } from "../../src/site/site-data.ts";
import { documentText, each, html, trusted, type Markup } from "../html.ts";

/** Cards of articles: title (a heading of `level`), date, outlet, summary. */
export function articleList(site: SiteShared, articles: readonly ArticleCard[], level = 3): Markup {
  return html`<ol class="article-list">${each(articles, (item) => card(site, item, level))}
</ol>`;
}

/**
 * An article's card is the same on every page that lists it: the pages of its people,
 * agencies, places, topics, outlet and archives, and the related articles of others. It is
 * made once per card (and heading level, and label of the undated), as one flat string,
 * instead of being escaped and joined again on every page that lists it.
 */
const made = new WeakMap<ArticleCard, Map<string, Markup>>();

function card(site: SiteShared, item: ArticleCard, level: number): Markup {
  const key = `${level}\0${site.strings.undated}`;
  let versions = made.get(item);
  if (!versions) made.set(item, (versions = new Map()));
  let markup = versions.get(key);
  if (!markup) {
    markup = trusted(
      documentText(html`
<li class="card">
${trusted(`<h${level}>`)}<a href="${item.url}" dir="auto">${item.title}</a>${trusted(`</h${level}>`)}
<p class="meta">${item.date ? html`<time datetime="${item.dateIso}">${item.date}</time>` : site.strings.undated}${item.outlet ? html` · ${item.outlet}` : null}</p>${
        item.summary ? html`
<p dir="auto">${item.summary}</p>` : null
      }
</li>`),
    );
    versions.set(key, markup);
  }
  return markup;
}
