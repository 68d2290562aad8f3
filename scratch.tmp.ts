import { exploreSync } from "./src/explore/engine/index.ts";
import { Grid } from "./test/explore/engine/models/grid.ts";
const r = exploreSync(new Grid({width: 50, height: 50, monotone: false}), { mode: "bfs", budget: { maxStates: 100 } });
console.log(r.stats);
