// One traversal for the whole tree: `children` lists a node's direct children in source order,
// and `walk` visits a subtree with enter/exit hooks. Phases use these instead of writing their
// own recursion over every node kind.
import { unreachable, type Node } from "./nodes.ts";

type Child = Node | undefined;

/** The direct children of `node`, in source order. */
export function children(node: Node): Node[] {
  const out: Child[] = [];
  switch (node.kind) {
    case "Ident":
    case "PrimitiveType":
    case "Name":
    case "IntLit":
    case "FloatLit":
    case "BoolLit":
    case "StringLit":
    case "NullLit":
    case "This":
    case "Halt":
    case "Nondet":
    case "Break":
    case "Continue":
    case "Empty":
    case "EventRef":
      break;
    case "SeqType":
    case "SetType":
      out.push(node.element);
      break;
    case "MapType":
      out.push(node.key, node.value);
      break;
    case "TupleType":
      out.push(...node.elements);
      break;
    case "NamedTupleType":
      for (const f of node.fields) out.push(f.name, f.type);
      break;
    case "NamedType":
      out.push(node.name);
      break;
    case "Tuple":
      out.push(...node.elements);
      break;
    case "NamedTuple":
      for (const f of node.fields) out.push(f.name, f.value);
      break;
    case "Field":
      out.push(node.target, node.field);
      break;
    case "TupleIndex":
      out.push(node.target);
      break;
    case "Index":
      out.push(node.target, node.index);
      break;
    case "CollectionOp":
      out.push(node.operand);
      break;
    case "Default":
      out.push(node.type);
      break;
    case "New":
    case "NewStmt":
      out.push(node.machine, ...node.args);
      break;
    case "Call":
    case "CallStmt":
      out.push(node.callee, ...node.args);
      break;
    case "Unary":
      out.push(node.operand);
      break;
    case "Binary":
      out.push(node.left, node.right);
      break;
    case "Cast":
      out.push(node.operand, node.type);
      break;
    case "Choose":
      out.push(node.operand);
      break;
    case "Format":
      out.push(node.format, ...node.args);
      break;
    case "Quantifier":
      for (const b of node.binders) out.push(b.name, b.type);
      out.push(node.body);
      break;
    case "Is":
      out.push(node.operand, node.name);
      break;
    case "Targets":
      out.push(node.message, node.machine);
      break;
    case "MessagePredicate":
      out.push(node.message);
      break;
    case "VarDecl":
      out.push(...node.names, node.type);
      break;
    case "Block":
      out.push(...node.vars, ...node.statements);
      break;
    case "Assert":
      out.push(node.condition, node.message);
      break;
    case "Print":
      out.push(node.message);
      break;
    case "Return":
      out.push(node.value);
      break;
    case "Assign":
      out.push(node.target, node.value);
      break;
    case "Insert":
      out.push(node.target, node.key, node.value);
      break;
    case "Remove":
      out.push(node.target, node.key);
      break;
    case "LoopInvariant":
      out.push(node.condition);
      break;
    case "While":
      out.push(node.condition, ...node.invariants, node.body);
      break;
    case "Foreach":
      out.push(node.item, node.collection, ...node.invariants, node.body);
      break;
    case "If":
      out.push(node.condition, node.then, node.else);
      break;
    case "Raise":
    case "Announce":
      out.push(node.event, ...node.args);
      break;
    case "Send":
      out.push(node.target, node.event, ...node.args);
      break;
    case "Goto":
      out.push(node.state, ...node.args);
      break;
    case "ReceiveCase":
      out.push(...node.events, node.handler);
      break;
    case "Receive":
      out.push(...node.cases);
      break;
    case "Param":
      out.push(node.name, node.type);
      break;
    case "AnonFunction":
      out.push(...node.params, node.body);
      break;
    case "FunctionRef":
      out.push(node.name);
      break;
    case "FunctionContract":
      out.push(node.condition);
      break;
    case "FunDecl":
      out.push(node.name, ...node.params, node.returnType, node.creates, node.resultName, ...node.contracts, node.body);
      break;
    case "Entry":
    case "Exit":
      out.push(node.handler);
      break;
    case "Defer":
    case "Ignore":
      out.push(...node.events);
      break;
    case "OnDo":
      out.push(...node.events, node.handler);
      break;
    case "OnGoto":
      out.push(...node.events, node.target, node.handler);
      break;
    case "StateDecl":
      out.push(node.name, ...node.items);
      break;
    case "MachineDecl":
      out.push(node.name, ...(node.receives ?? []), ...(node.sends ?? []), ...node.members);
      break;
    case "SpecDecl":
      out.push(node.name, ...node.observes, ...node.members);
      break;
    case "TypeDef":
      out.push(node.name, node.type);
      break;
    case "EnumElement":
      out.push(node.name);
      break;
    case "EnumDecl":
      out.push(node.name, ...node.elements);
      break;
    case "EventDecl":
      out.push(node.name, node.payload);
      break;
    case "EventSetDecl":
      out.push(node.name, ...node.events);
      break;
    case "InterfaceDecl":
      out.push(node.name, node.payload, ...(node.receives ?? []));
      break;
    case "ParamDecl":
      out.push(node.name, node.type);
      break;
    case "ModuleBinding":
      out.push(node.machine, node.iface);
      break;
    case "PrimitiveModule":
      out.push(...node.bindings);
      break;
    case "NamedModuleRef":
      out.push(node.name);
      break;
    case "ComposeModule":
    case "UnionModule":
      out.push(...node.modules);
      break;
    case "HideEventsModule":
      out.push(...node.events, node.module);
      break;
    case "HideInterfacesModule":
      out.push(...node.interfaces, node.module);
      break;
    case "AssertModule":
      out.push(...node.specs, node.module);
      break;
    case "RenameModule":
      out.push(node.from, node.to, node.module);
      break;
    case "MainModule":
      out.push(node.machine, node.module);
      break;
    case "ModuleDecl":
      out.push(node.name, node.module);
      break;
    case "TestParam":
      out.push(node.name, ...node.values);
      break;
    case "TestDecl":
      out.push(node.name, ...node.params, node.assume, node.main, node.module, node.refines);
      break;
    case "ImplementationDecl":
      out.push(node.name, node.main, node.module);
      break;
    case "InvariantDecl":
      out.push(node.name, node.condition);
      break;
    case "InitConditionDecl":
    case "AxiomDecl":
      out.push(node.condition);
      break;
    case "PureDecl":
      out.push(node.name, ...node.params, node.returnType, node.body);
      break;
    case "LemmaDecl":
      out.push(node.name, ...node.invariants);
      break;
    case "ProveStep":
      out.push(...node.targets, ...node.using);
      break;
    case "ProofDecl":
      out.push(node.name, ...node.steps);
      break;
    case "File":
      out.push(...node.decls);
      break;
    default:
      unreachable(node);
  }
  return out.filter((c): c is Node => c !== undefined);
}

export interface Visitor {
  /** Called before the children; return false to skip them. */
  enter?(node: Node): boolean | void;
  exit?(node: Node): void;
}

/** Visits `node` and its subtree depth-first, in source order, without recursion limits. */
export function walk(node: Node, visitor: Visitor): void {
  const stack: { node: Node; exiting: boolean }[] = [{ node, exiting: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.exiting) {
      visitor.exit?.(top.node);
      continue;
    }
    const descend = visitor.enter?.(top.node) !== false;
    stack.push({ node: top.node, exiting: true });
    if (!descend) continue;
    const kids = children(top.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exiting: false });
  }
}
