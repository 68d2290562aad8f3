// Writing the XML documents of the S3 API: a small element builder, enough for the responses of
// ListObjectsV2, ListBuckets and the error body.

export type XmlNode = string | number | boolean | XmlElement | undefined;

export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlNode[];
}

/** An element; undefined children are left out, so optional fields read naturally. */
export function el(name: string, ...children: XmlNode[]): XmlElement {
  return { name, children };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function render(node: XmlNode): string {
  if (node === undefined) return "";
  if (typeof node !== "object") return escapeXml(String(node));
  return `<${node.name}>${node.children.map(render).join("")}</${node.name}>`;
}

/** A whole document: the declaration and the root, with the S3 namespace when asked. */
export function xmlDocument(root: XmlElement, namespace = true): string {
  const body = render(root);
  const open = namespace ? body.replace(`<${root.name}>`, `<${root.name} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`) : body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}`;
}
