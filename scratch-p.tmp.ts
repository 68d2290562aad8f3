import { crashOf } from "./test/fuzz/minimise.ts";
for (const t of ["machine{state{exit{send,g30(.5", "fun f() { send, g(.5", "fun f() { g(.5", "fun f() { x(.5", "fun f() { g(1", "fun f() { g(.5 }", "fun f() { a.b(1"]) console.log(JSON.stringify(t), crashOf([{ path: "a.p", text: t }]));
