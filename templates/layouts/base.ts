import type { PageView, SiteShared } from "../../src/site/site-data.ts";
import { REFERRER_POLICY } from "../../src/site/security.ts";
import { each, html, trusted, type Markup } from "../html.ts";

/**
 * Every page: head (feeds, JSON-LD, Open Graph, the search page's scripts), site header with
 * its search field and navigation, footer.
 * The security policy is in <meta> tags for hosts that send no headers (src/site/security.ts),
 * and frame-guard.js keeps a page from being shown in another site's frame where no
 * `frame-ancestors` header does; its notice is hidden unless the page is framed.
 */
export function basePage(site: SiteShared, view: PageView, content: Markup): Markup {
  const { strings, config, links } = site;
  return html`<!doctype html>
<html lang="${strings.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${trusted(site.security.csp)}">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${view.type !== "home" ? html`${view.meta.title} · ` : null}${config.title}</title>
<meta name="description" content="${view.meta.description}">
<link rel="canonical" href="${view.meta.canonical}">
${openGraph(site, view)}
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/style.css">
<script src="/assets/frame-guard.js"></script>
<link rel="alternate" type="application/atom+xml" title="${strings.siteFeed}" href="${links.feed}">${
    view.meta.feed ? html`
<link rel="alternate" type="application/atom+xml" title="${view.meta.feed.title}" href="${view.meta.feed.url}">` : null
  }${
    view.type === "article" && view.jsonLd ? html`
<script type="application/ld+json">${trusted(view.jsonLd)}</script>` : null
  }${
    view.type === "search" ? html`
<script type="module" src="/assets/search.js"></script>` : null
  }
</head>
<body>
<p class="framed-notice" hidden><a href="${view.url}" target="_top">${strings.framedNotice}</a></p>
<a class="skip" href="#contenu">${strings.skipToContent}</a>
<header class="site-header">
<a class="brand" href="/">${config.title}</a>
<form class="site-search" role="search" action="${links.search}" method="get">
<label class="visually-hidden" for="site-search-q">${strings.searchLabel}</label>
<input id="site-search-q" type="search" name="q" autocomplete="off" enterkeyhint="search">
<button type="submit">${strings.searchSubmit}</button>
</form>
<nav aria-label="${strings.mainNav}">
<ul>${each(site.nav, (link) => html`
<li><a href="${link.url}"${link.url === view.url ? html` aria-current="page"` : null}>${link.name}</a></li>`)}
</ul>
</nav>
</header>
<main id="contenu">
${content}
</main>
<footer class="site-footer">
<p>${config.description}</p>
<p><a href="${links.feed}">${strings.siteFeed}</a> · <a href="${links.data}">${strings.openData}</a> · ${strings.footer}</p>
</footer>
</body>
</html>
`;
}

/**
 * Open Graph and Twitter Card tags, for the preview a link gets when shared: absolute
 * addresses, the article's lead image when it has one (a large card then, a small one
 * otherwise), its publication and modification times when the source gives them.
 */
function openGraph(site: SiteShared, view: PageView): Markup {
  const { meta } = view;
  return html`<meta property="og:site_name" content="${site.config.title}">
<meta property="og:locale" content="${site.strings.ogLocale}">
<meta property="og:type" content="${meta.ogType}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.canonical}">${
    meta.image ? html`
<meta property="og:image" content="${meta.image.url}">${meta.image.alt ? html`
<meta property="og:image:alt" content="${meta.image.alt}">` : null}` : null
  }${
    meta.publishedTime ? html`
<meta property="article:published_time" content="${meta.publishedTime}">` : null
  }${
    meta.modifiedTime ? html`
<meta property="article:modified_time" content="${meta.modifiedTime}">` : null
  }
<meta name="twitter:card" content="${meta.image ? "summary_large_image" : "summary"}">${
    meta.image?.alt ? html`
<meta name="twitter:image:alt" content="${meta.image.alt}">` : null
  }`;
}
