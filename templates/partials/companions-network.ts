import { html, trusted, type Markup } from "../html.ts";

/** An actor's companions as a small prebuilt drawing (src/site/network.ts); the list beside it is its text alternative. */
export function companionsNetwork(svg: string): Markup | null {
  return svg ? html`<figure class="chart companions-chart"><div class="network-scroll">${trusted(svg)}</div></figure>` : null;
}
