// A walker on a width × height grid, starting at (0, 0): the smallest model with a known state
// count (width · height) and known distances. Monotone grids only move right and up (a DAG whose
// far corner is terminal); open grids also move left and down (cycles, no terminal state). An
// optional bug cell fails the step that enters it, like an assertion.
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

export interface GridOptions {
  readonly width: number;
  readonly height: number;
  /** Only right and up moves. */
  readonly monotone: boolean;
  /** Entering this cell fails with an assertion. */
  readonly bug?: readonly [number, number];
}

const LABELS = ["right", "up", "left", "down"] as const;
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

export class Grid implements Model {
  readonly name: string;
  readonly monitorCount = 0;
  private readonly options: GridOptions;
  private readonly scratch = new Int32Array(2);

  constructor(options: GridOptions) {
    this.options = options;
    this.name = `grid ${options.width}x${options.height}`;
  }

  initial(out: SuccessorSink): void {
    this.scratch[0] = 0;
    this.scratch[1] = 0;
    out.next(0, 0, this.scratch, 2);
  }

  successors(state: Int32Array, _length: number, out: SuccessorSink): void {
    const { width, height, monotone, bug } = this.options;
    const moves = monotone ? 2 : 4;
    for (let m = 0; m < moves; m++) {
      const x = state[0] + DX[m];
      const y = state[1] + DY[m];
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      if (bug !== undefined && x === bug[0] && y === bug[1]) {
        out.fail(m, 0, "assertion", `reached the bug cell (${x}, ${y})`);
        continue;
      }
      this.scratch[0] = x;
      this.scratch[1] = y;
      out.next(m, 0, this.scratch, 2);
    }
  }

  acceptableEnd(): boolean {
    return true;
  }

  hot(): void {}

  initialLabel(): string {
    return "start";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    return LABELS[action];
  }

  processLabel(): string {
    return "walker";
  }

  monitorLabel(m: number): string {
    return `m${m}`;
  }
}
