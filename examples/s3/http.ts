// The object store over HTTP (node:http): path-style requests (/bucket/key) are parsed into
// S3Requests for api.ts, and its answers, or its S3Errors as the XML error body S3 sends (the
// status alone for HEAD), are written back with S3's request-id headers. Signatures are not
// checked: any credentials do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handle, type ObjectStore, type S3Request, type S3Response } from "./api.ts";
import { S3Error } from "./errors.ts";
import { el, xmlDocument } from "./xml.ts";

export interface HttpOptions {
  /** The largest body a request may have (default 64 MiB). */
  readonly maxBodyBytes?: number;
  /** Called with each error that is not an S3Error (answered as InternalError). */
  readonly onInternalError?: (error: unknown) => void;
}

export class S3HttpServer {
  readonly server: Server;
  readonly #store: ObjectStore;
  readonly #options: HttpOptions;
  #requests = 0;

  constructor(store: ObjectStore, options: HttpOptions = {}) {
    this.#store = store;
    this.#options = options;
    this.server = createServer((req, res) => void this.#serve(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Listens on the loopback interface (port 0: one the system picks); resolves with the endpoint. */
  listen(port = 0, host = "127.0.0.1"): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        const a = this.server.address() as AddressInfo;
        resolve(`http://${host}:${a.port}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = (++this.#requests).toString(16).toUpperCase().padStart(16, "0");
    res.setHeader("x-amz-request-id", requestId);
    res.setHeader("x-amz-id-2", Buffer.from(`pith-${requestId}`).toString("base64"));
    res.setHeader("server", "Pith");
    let answer: S3Response;
    const method = req.method ?? "GET";
    let resource = "/";
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname.slice(1);
      const slash = path.indexOf("/");
      const bucket = decodeURIComponent(slash < 0 ? path : path.slice(0, slash));
      const key = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
      resource = `/${bucket}${key === "" ? "" : `/${key}`}`;
      const body = await this.#readBody(req, method === "PUT" && key !== "");
      answer = await handle(this.#store, { method, bucket, key, query: url.searchParams, headers: req.headers, body } satisfies S3Request);
    } catch (error) {
      if (!(error instanceof S3Error)) this.#options.onInternalError?.(error);
      const e = error instanceof S3Error ? error : new S3Error("InternalError");
      const doc = el("Error", el("Code", e.code), el("Message", e.message), ...Object.entries(e.details).map(([k, v]) => el(k, v)), el("Resource", resource), el("RequestId", requestId));
      answer = { status: e.status, headers: { "content-type": "application/xml" }, body: method === "HEAD" ? undefined : xmlDocument(doc, false) };
      // What is left of a body that was not read is not worth reading.
      if (!req.complete) res.setHeader("connection", "close");
    }
    res.writeHead(answer.status, answer.headers);
    res.end(method === "HEAD" ? undefined : answer.body);
  }

  /** The whole body; an object's PUT must say how long it is. */
  async #readBody(req: IncomingMessage, isObjectPut: boolean): Promise<Buffer> {
    const max = this.#options.maxBodyBytes ?? 64 * 1024 * 1024;
    const declared = req.headers["content-length"];
    if (isObjectPut && declared === undefined && req.headers["transfer-encoding"] === undefined) throw new S3Error("MissingContentLength");
    if (declared !== undefined && Number(declared) > max) throw new S3Error("EntityTooLarge", { ProposedSize: declared, MaxSizeAllowed: String(max) });
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of req) {
      length += (chunk as Buffer).length;
      if (length > max) throw new S3Error("EntityTooLarge", { MaxSizeAllowed: String(max) });
      chunks.push(chunk as Buffer);
    }
    if (declared !== undefined && length !== Number(declared)) throw new S3Error("IncompleteBody");
    return Buffer.concat(chunks);
  }
}
