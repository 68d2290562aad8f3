import { crashOf } from "./test/fuzz/minimise.ts";
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), crashOf([{ path: "a.p", text: t }]));
