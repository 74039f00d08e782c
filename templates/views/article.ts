import type { ArticlePage, SiteShared } from "../../src/site/site-data.ts";
import { each, html, trusted, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";

/**
 * An article (a draft's preview says so first): headline, date and outlet, link to the original, body, the actors and topics in it, related articles.
 * The headline and body take the direction of their own text (`dir="auto"`): an article in Arabic or Persian reads from the right in a French archive.
 */
export function articleView(site: SiteShared, view: ArticlePage): Markup {
  const { strings } = site;
  const { card } = view;
  return html`<article class="article">${
    view.draft ? html`
<p class="draft-banner" role="note">${strings.draftBanner}</p>` : null
  }
<header>
<h1 dir="auto">${card.title}</h1>
<p class="meta">${card.date ? html`<time datetime="${card.dateIso}">${card.date}</time>` : strings.undated}${
    view.outletLink ? html` · ${strings.publishedIn} <a href="${view.outletLink.url}">${view.outletLink.name}</a>` : null
  }</p>${
    view.sourceUrl ? html`
<p class="source"><a href="${view.sourceUrl}" rel="external noopener noreferrer">${strings.readOriginal}</a></p>` : null
  }
</header>
<div class="body" dir="auto">
${trusted(view.html)}
</div>${
    view.groups.length ? html`
<section class="tags" aria-labelledby="in-article">
<h2 id="in-article">${strings.inThisArticle}</h2>
<dl>${each(view.groups, (group) => html`
<dt>${group.label}</dt>
<dd><ul>${each(group.links, (link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ul></dd>`)}
</dl>
</section>` : null
  }
</article>${
    view.related.length ? html`
<section class="related" aria-labelledby="related">
<h2 id="related">${strings.related}</h2>
${articleList(site, view.related)}
</section>` : null
  }`;
}
