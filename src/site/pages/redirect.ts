import { urls } from "../../model/urls.ts";
import { made, type Planned } from "../planning.ts";
import { toCard, type ArticleCard, type PageBase, type PageContext } from "./shared.ts";

/**
 * A former path of an article (`aliases:`, or the address it had before an article alike was
 * added): a small page that sends the reader to the article, as Hugo's aliases do, or lists
 * the articles that shared it.
 */
export interface RedirectPage extends PageBase {
  type: "redirect";
  /** The article's path, root-relative: Eleventy adds the path prefix at render time, to the refresh as to the link; none when several share the path. */
  target: string | null;
  /** The articles that shared the path, oldest first, when there are several. */
  choices: ArticleCard[];
}

/** The former paths of articles: each redirects to its article (the sitemap leaves them out). */
export function redirectPages(context: PageContext): Planned<RedirectPage>[] {
  const { archive, config, strings, lang, meta } = context;
  return archive.redirects.map(({ from, to }) => {
    const [only] = to;
    if (only && to.length === 1) {
      const target = urls.article(only);
      return made<RedirectPage>({ type: "redirect", url: from, meta: meta(target, only.title ?? strings.undated, only.summary || config.description), target, choices: [] });
    }
    return made<RedirectPage>({ type: "redirect", url: from, meta: meta(from, strings.sharedAddress), target: null, choices: to.map((record) => toCard(record, lang, strings)) });
  });
}
