import type { PageView, SiteShared } from "../src/site/site-data.ts";
import { documentText, type Markup } from "./html.ts";
import { basePage } from "./layouts/base.ts";
import { archiveIndexView } from "./views/archive-index.ts";
import { archiveView } from "./views/archive.ts";
import { articleView } from "./views/article.ts";
import { dataView } from "./views/data.ts";
import { homeView } from "./views/home.ts";
import { networkView } from "./views/network.ts";
import { notFoundView } from "./views/not-found.ts";
import { redirectPage, sharedAddressView } from "./views/redirect.ts";
import { searchView } from "./views/search.ts";
import { termIndexView } from "./views/term-index.ts";
import { termView } from "./views/term.ts";

/** An HTML page of the site: its view (by the view's type) in the common layout. */
export function htmlPage(site: SiteShared, view: PageView): string {
  if (view.type === "redirect" && view.target !== null) return documentText(redirectPage(site, { ...view, target: view.target }));
  return documentText(basePage(site, view, viewContent(site, view)));
}

function viewContent(site: SiteShared, view: PageView): Markup {
  switch (view.type) {
    case "article":
      return articleView(site, view);
    case "term":
      return termView(site, view);
    case "term-index":
      return termIndexView(site, view);
    case "archive-index":
      return archiveIndexView(view);
    case "archive":
      return archiveView(site, view);
    case "home":
      return homeView(site, view);
    case "network":
      return networkView(site, view);
    case "search":
      return searchView(site, view);
    case "data":
      return dataView(site, view);
    case "not-found":
      return notFoundView(site);
    case "redirect":
      return sharedAddressView(site, view);
  }
}
