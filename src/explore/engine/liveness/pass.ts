// The liveness pass, run after an exhaustive search finished with no safety violation: look for a
// monitor that can stay hot forever on a weakly fair cycle of the recorded state graph, and if
// there is one, return it as a lasso. (A monitor hot in a terminal state is caught during the
// search itself, where BFS gives the shortest trace.)
import type { Model } from "../model.ts";
import type { Finding } from "../search.ts";
import type { VisitedSet } from "../visited.ts";
import type { EdgeStore } from "./edges.ts";
import { findFairHotComponent } from "./fair.ts";
import { lassoFinding } from "./lasso.ts";

export function livenessFinding(model: Model, edges: EdgeStore, visited: VisitedSet): Finding | null {
  if (model.monitorCount === 0) return null;
  const fc = findFairHotComponent(edges, visited.count, model.monitorCount);
  if (fc === null) return null;
  return lassoFinding(edges, visited, fc, model.monitorLabel(fc.monitor));
}
