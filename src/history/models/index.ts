// The built-in models, by the name `--model` takes.
import type { SequentialModel } from "../model.ts";
import { kvModel } from "./kv.ts";
import { registerModel } from "./register.ts";
import { txnKvModel } from "./txn-kv.ts";

export const BUILTIN_MODELS: Readonly<Record<string, SequentialModel>> = {
  register: registerModel,
  kv: kvModel,
  "txn-kv": txnKvModel,
};
