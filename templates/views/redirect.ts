import type { RedirectPage, SiteShared } from "../../src/site/site-data.ts";
import { REFERRER_POLICY } from "../../src/site/security.ts";
import { html, trusted, type Markup } from "../html.ts";
import { articleList } from "../partials/article-list.ts";

/**
 * A former path of an article, as Hugo writes its aliases: a page that sends the browser on
 * at once (`refresh`, which the security policy allows, unlike a script), names the
 * article as the canonical page for search engines, which do not index it, and shows a
 * link for readers whose browser does not follow.
 */
export function redirectPage(site: SiteShared, view: RedirectPage & { target: string }): Markup {
  return html`<!doctype html>
<html lang="${site.strings.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(site.security.csp)}">
<meta name="referrer" content="${REFERRER_POLICY}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${view.target}">
<title>${view.meta.title} · ${site.config.title}</title>
<link rel="canonical" href="${view.meta.canonical}">
</head>
<body>
<p>${site.strings.movedTo} <a href="${view.target}">${view.meta.title}</a></p>
</body>
</html>
`;
}

/** The former address of articles titled alike, each now at its own: the list, for the reader to choose. */
export function sharedAddressView(site: SiteShared, view: RedirectPage): Markup {
  return html`<h1>${site.strings.sharedAddress}</h1>
<p class="lead">${site.strings.sharedAddressLead}</p>
${articleList(site, view.choices, 2)}`;
}
