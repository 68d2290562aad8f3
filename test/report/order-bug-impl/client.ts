// The implementation of order-bug.p's Client, for the reporters' tests of the link map: it sends
// two requests and checks that the answers come in order.
export interface Request {
  readonly client: string;
  readonly n: number;
}

export type Send = (to: string, event: "eReq" | "eResp", payload: Request | number) => void;

export interface ClientHandlers {
  onResp(n: number): void;
}

export class OrderClient implements ClientHandlers {
  readonly #got: number[] = [];

  constructor(id: string, server: string, send: Send) {
    send(server, "eReq", { client: id, n: 1 });
    send(server, "eReq", { client: id, n: 2 });
  }

  onResp(n: number): void {
    this.#got.push(n);
    if (this.#got.length === 2 && this.#got[0] > this.#got[1]) throw new Error(`responses out of order: ${this.#got.join(", ")}`);
  }
}
