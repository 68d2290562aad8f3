// String literals: decoding the escapes of a literal as written, and quoting a value back.

const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", '"': '"', "\\": "\\" };

/** The value of a string literal token such as `"a\"b"` (quotes included). */
export function decodeString(literal: string): string {
  const body = literal.slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined);
  return body.replace(/\\([\s\S])/g, (_, c: string) => escapes[c] ?? c);
}

/** A literal that decodes back to `value`. */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"\n\t\r\0]/g, (c) => {
    switch (c) {
      case "\n":
        return "\\n";
      case "\t":
        return "\\t";
      case "\r":
        return "\\r";
      case "\0":
        return "\\0";
      default:
        return `\\${c}`;
    }
  })}"`;
}
