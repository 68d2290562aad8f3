// The errors the service returns, with the type names, HTTP statuses and messages DynamoDB uses,
// so that the AWS SDK raises the same exception classes it raises against DynamoDB.

const DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

export class ServiceError extends Error {
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }

  /** The JSON body of the error response. */
  body(): Record<string, unknown> {
    return { __type: this.type, message: this.message };
  }
}

export class ValidationError extends ServiceError {
  constructor(message: string) {
    super("com.amazon.coral.validate#ValidationException", message);
  }
}

export class SerializationError extends ServiceError {
  constructor(message: string) {
    super("com.amazon.coral.service#SerializationException", message);
  }
}

export class UnknownOperationError extends ServiceError {
  constructor(target: string) {
    super("com.amazon.coral.service#UnknownOperationException", `The operation ${target} is not supported`);
  }
}

export class ResourceNotFoundError extends ServiceError {
  constructor(table: string) {
    super(`${DYNAMODB}ResourceNotFoundException`, `Requested resource not found: Table: ${table} not found`);
  }
}

export class ResourceInUseError extends ServiceError {
  constructor(table: string) {
    super(`${DYNAMODB}ResourceInUseException`, `Table already exists: ${table}`);
  }
}

export class ConditionalCheckFailedError extends ServiceError {
  readonly item: Record<string, unknown> | undefined;
  constructor(item?: Record<string, unknown>) {
    super(`${DYNAMODB}ConditionalCheckFailedException`, "The conditional request failed");
    this.item = item;
  }

  override body(): Record<string, unknown> {
    return this.item === undefined ? super.body() : { ...super.body(), Item: this.item };
  }
}

export class TransactionConflictError extends ServiceError {
  constructor() {
    super(`${DYNAMODB}TransactionConflictException`, "Transaction is ongoing for the item");
  }
}

export class TransactionInProgressError extends ServiceError {
  constructor() {
    super(`${DYNAMODB}TransactionInProgressException`, "The transaction with the given request token is already in progress.");
  }
}

export class IdempotentParameterMismatchError extends ServiceError {
  constructor() {
    super(
      `${DYNAMODB}IdempotentParameterMismatchException`,
      "The request uses the same client token as a previous, but non-identical request.",
    );
  }
}

/** Why one action of a transaction stopped it, in DynamoDB's words. */
export type CancellationCode = "None" | "ConditionalCheckFailed" | "TransactionConflict" | "ValidationError";

export interface CancellationReason {
  readonly Code: CancellationCode;
  readonly Message?: string;
  readonly Item?: Record<string, unknown>;
}

const REASON_MESSAGES: Record<CancellationCode, string | undefined> = {
  None: undefined,
  ConditionalCheckFailed: "The conditional request failed",
  TransactionConflict: "Transaction is ongoing for the item",
  ValidationError: "The provided key element does not match the schema",
};

export function cancellationReason(code: CancellationCode, item?: Record<string, unknown>): CancellationReason {
  const message = REASON_MESSAGES[code];
  return { Code: code, ...(message === undefined ? {} : { Message: message }), ...(item === undefined ? {} : { Item: item }) };
}

export class TransactionCanceledError extends ServiceError {
  readonly reasons: readonly CancellationReason[];
  constructor(reasons: readonly CancellationReason[]) {
    super(
      `${DYNAMODB}TransactionCanceledException`,
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(", ")}]`,
    );
    this.reasons = reasons;
  }

  override body(): Record<string, unknown> {
    return { ...super.body(), CancellationReasons: this.reasons };
  }
}

/** An unexpected failure inside the service (a crashed coordinator, a storage node not answering). */
export class InternalServerError extends ServiceError {
  constructor(message: string) {
    super(`${DYNAMODB}InternalServerError`, message, 500);
  }
}
