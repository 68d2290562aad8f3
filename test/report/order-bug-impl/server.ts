// The implementation of order-bug.p's Server, for the reporters' tests of the link map: it
// answers each request with its number or ten times it, as the model does.
import type { Request, Send } from "./client.ts";

export interface ServerHandlers {
  onReq(request: Request): void;
}

export class OrderServer implements ServerHandlers {
  readonly #send: Send;
  #flip = false;

  constructor(send: Send) {
    this.#send = send;
  }

  onReq(request: Request): void {
    this.#flip = !this.#flip;
    this.#send(request.client, "eResp", this.#flip ? request.n : request.n * 10);
  }
}
