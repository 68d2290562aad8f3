// The errors the object store returns, as S3 returns them: a code, an HTTP status and a message,
// each defined once here. An operation throws an S3Error; the HTTP layer (http.ts) turns it into
// the status and the XML error body (or, for HEAD, the status alone).

export const ERRORS = {
  BadDigest: { status: 400, message: "The Content-MD5 or checksum value that you specified did not match what the server received." },
  BucketAlreadyOwnedByYou: { status: 409, message: "Your previous request to create the named bucket succeeded and you already own it." },
  BucketNotEmpty: { status: 409, message: "The bucket you tried to delete is not empty." },
  EntityTooLarge: { status: 400, message: "Your proposed upload exceeds the maximum allowed object size." },
  IncompleteBody: { status: 400, message: "You did not provide the number of bytes specified by the Content-Length HTTP header." },
  InternalError: { status: 500, message: "We encountered an internal error. Please try again." },
  InvalidArgument: { status: 400, message: "Invalid Argument" },
  InvalidBucketName: { status: 400, message: "The specified bucket is not valid." },
  InvalidDigest: { status: 400, message: "The Content-MD5 you specified was invalid." },
  InvalidRange: { status: 416, message: "The requested range is not satisfiable" },
  InvalidRequest: { status: 400, message: "Invalid Request" },
  KeyTooLongError: { status: 400, message: "Your key is too long." },
  MethodNotAllowed: { status: 405, message: "The specified method is not allowed against this resource." },
  MissingContentLength: { status: 411, message: "You must provide the Content-Length HTTP header." },
  NoSuchBucket: { status: 404, message: "The specified bucket does not exist." },
  NoSuchKey: { status: 404, message: "The specified key does not exist." },
  NotImplemented: { status: 501, message: "A header or query you provided implies functionality that is not implemented." },
  ServiceUnavailable: { status: 503, message: "Please reduce your request rate." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class S3Error extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra elements of the error body (Key, BucketName, ArgumentName, ...). */
  readonly details: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, details: Record<string, string> = {}, message?: string) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}
