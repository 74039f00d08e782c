import { urls } from "../../model/urls.ts";
import { digestOfView } from "../digest.ts";
import { networkPageParts, type NetworkPageParts } from "../network.ts";
import type { Planned, ReferencesMemo } from "../planning.ts";
import type { PageBase, PageContext } from "./shared.ts";

export interface NetworkPage extends PageBase, NetworkPageParts {
  type: "network";
}

const NETWORK_PAIRS = 20;

/** The network of who appears with whom, made from the references alone: laid out again only when they change. */
export function networkPage(context: PageContext, references: ReferencesMemo): Planned<NetworkPage> {
  const { strings } = context;
  const meta = context.meta(urls.network(), strings.network, strings.networkLead);
  const key = JSON.stringify(meta);
  if (references.network?.key !== key) {
    const view: NetworkPage = { type: "network", url: urls.network(), meta, ...networkPageParts(references.index, strings, NETWORK_PAIRS) };
    references.network = { key, digest: digestOfView(view), view };
  }
  const { view, digest } = references.network;
  return { url: view.url, digest, make: () => view };
}
