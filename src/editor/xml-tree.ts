import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * An XML document (a WordPress export, an RSS or Atom feed) as a small tree, read by
 * fast-xml-parser: entities and CDATA sections are the parser's business. Elements keep
 * their qualified names (`wp:post_name`); namespaces are resolved by the prefixes the
 * root declares, which is where exports and feeds declare them.
 */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

export type XmlParse = { root: XmlElement } | { error: { line: number; message: string } };

/** fast-xml-parser's ordered output: `{ tag: [children], ":@": {attributes} }` or `{ "#text": … }`. */
type OrderedNode = Record<string, unknown>;

const OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "",
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (`&#8217;`) are XML; named HTML ones are tolerated as feeds write them.
  htmlEntities: true,
  commentPropName: false,
} as const;

export function parseXml(text: string): XmlParse {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: { line: valid.err.line, message: valid.err.msg } };
  const nodes = new XMLParser(OPTIONS).parse(text) as OrderedNode[];
  const root = nodes.map(toNode).find((node): node is XmlElement => typeof node !== "string" && !node.name.startsWith("?"));
  return root ? { root } : { error: { line: 1, message: "no root element" } };
}

function toNode(node: OrderedNode): XmlNode {
  if ("#text" in node) return String(node["#text"]);
  const name = Object.keys(node).find((key) => key !== ":@") ?? "";
  const attributes = (node[":@"] as Record<string, unknown> | undefined) ?? {};
  const children = (node[name] as OrderedNode[] | undefined) ?? [];
  return {
    name,
    attributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, String(value)])),
    children: children.map(toNode),
  };
}

/** The element's child elements, all or of one qualified name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (name === undefined || child.name === name));
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The element's text, CDATA included, entities decoded, trimmed. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return "";
  return element.children.map((child) => (typeof child === "string" ? child : textOf(child))).join("").trim();
}

/** The text of the named child, or "" when there is none. */
export function childText(element: XmlElement, name: string): string {
  return textOf(childElement(element, name));
}

/** The element's content as markup (Atom's `type="xhtml"` content), written back by the parser's own builder. */
export function innerXml(element: XmlElement): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, suppressEmptyNode: true });
  return String(builder.build(element.children.map(toOrdered))).trim();
}

function toOrdered(node: XmlNode): OrderedNode {
  if (typeof node === "string") return { "#text": node };
  return { [node.name]: node.children.map(toOrdered), ...(Object.keys(node.attributes).length ? { ":@": node.attributes } : {}) };
}

/**
 * The prefix the root binds to a namespace (`wp` for WordPress's export namespace), `""` when
 * it is the default namespace, undefined when the document does not declare it.
 */
export function prefixOf(root: XmlElement, namespace: (uri: string) => boolean): string | undefined {
  for (const [attribute, uri] of Object.entries(root.attributes)) {
    if (attribute === "xmlns" && namespace(uri)) return "";
    if (attribute.startsWith("xmlns:") && namespace(uri)) return attribute.slice("xmlns:".length);
  }
  return undefined;
}

/** `prefix:local`, or `local` in the default namespace. */
export function qualified(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}
