import { made, type Planned } from "../planning.ts";
import type { PageBase, PageContext } from "./shared.ts";

export interface SimplePage extends PageBase {
  type: "not-found";
}

/** Where the sitemap never points. */
export const NOT_FOUND_URL = "/404.html";

/** The page a host serves for an address the site does not have. */
export function notFoundPage(context: PageContext): Planned<SimplePage> {
  const { strings } = context;
  return made<SimplePage>({ type: "not-found", url: NOT_FOUND_URL, meta: context.meta(NOT_FOUND_URL, strings.notFound, strings.notFoundLead) });
}
