/** Small things the HTML reader's modules share about linkedom's tree. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** `Node.DOCUMENT_POSITION_FOLLOWING`. */
export const FOLLOWING = 4;

/** What `read` gives, or `fallback` when it throws: a saved page may be anything, and reading it never throws. */
export function safely<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The element with the most text. */
export function longest(elements: Iterable<Element>): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const element of elements) {
    const length = (element.textContent ?? "").trim().length;
    if (length > bestLength) [best, bestLength] = [element, length];
  }
  return best;
}
