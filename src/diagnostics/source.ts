// Source files and spans. A span is a pair of offsets into one file's text; line and column are
// computed only when a message is printed, so the phases never carry them around.

export interface Span {
  /** Path of the file as the user named it (relative paths stay relative). */
  readonly file: string;
  /** Offset of the first character (UTF-16 code units, as JavaScript strings count). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  private lineStartsCache: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  /** Offsets at which each line starts; line 1 starts at 0. */
  get lineStarts(): number[] {
    if (this.lineStartsCache === undefined) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) {
        if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      this.lineStartsCache = starts;
    }
    return this.lineStartsCache;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1] ?? this.text.length;
    const next = starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, "");
  }

  span(start: number, end: number): Span {
    return { file: this.path, start, end };
  }
}

/** The files of one run, by path, so that a printed diagnostic can find its text. */
export class SourceSet {
  private readonly files = new Map<string, SourceFile>();

  add(file: SourceFile): void {
    this.files.set(file.path, file);
  }

  get(path: string): SourceFile | undefined {
    return this.files.get(path);
  }

  all(): SourceFile[] {
    return [...this.files.values()];
  }
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
