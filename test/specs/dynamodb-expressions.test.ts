// The expression language of the DynamoDB-compatible service (examples/dynamodb/expressions.ts):
// conditions, updates and projections as DynamoDB evaluates them, and the errors it gives.
import { describe, expect, it } from "vitest";
import { parseCondition, parseProjection, parseUpdate, Placeholders } from "../../examples/dynamodb/expressions.ts";
import type { Item } from "../../examples/dynamodb/values.ts";

const item: Item = {
  id: { S: "a" },
  n: { N: "5" },
  name: { S: "Ada Lovelace" },
  tags: { SS: ["x", "y"] },
  list: { L: [{ N: "1" }, { S: "two" }] },
  nested: { M: { deep: { N: "7" } } },
};

function holds(text: string, values: Record<string, unknown> = {}, names: Record<string, string> = {}, on: Item | null = item): boolean {
  const placeholders = new Placeholders(names, values);
  const condition = parseCondition(text, placeholders);
  placeholders.checkAllUsed();
  return condition(on ?? undefined);
}

function update(text: string, values: Record<string, unknown> = {}, on: Item = item): Item {
  const placeholders = new Placeholders({}, values);
  const apply = parseUpdate(text, placeholders);
  placeholders.checkAllUsed();
  return apply(on);
}

describe("condition expressions", () => {
  it.each([
    ["n = :five", true],
    ["n <> :five", false],
    ["n < :six AND n >= :five", true],
    ["n BETWEEN :five AND :six", true],
    ["n IN (:six, :five)", true],
    ["NOT (n > :five) OR n = :six", true],
    ["attribute_exists(nested.deep) AND attribute_not_exists(missing)", true],
    ["begins_with(#nm, :ada)", true],
    ["contains(tags, :x) AND contains(#nm, :ada) AND contains(list, :two)", true],
    ["size(list) = :two_n AND size(tags) = :two_n", true],
    ["attribute_type(n, :type_n)", true],
    ["list[1] = :two", true],
    ["nested.deep > n", true],
  ])("%s is %s", (text, expected) => {
    const values = { ":five": { N: "5" }, ":six": { N: "6" }, ":ada": { S: "Ada" }, ":x": { S: "x" }, ":two": { S: "two" }, ":two_n": { N: "2" }, ":type_n": { S: "N" } };
    const tokens = text.split(/[\s,()]+/);
    const used = Object.fromEntries(Object.entries(values).filter(([k]) => tokens.includes(k)));
    expect(holds(text, used, text.includes("#nm") ? { "#nm": "name" } : {})).toBe(expected);
  });

  it("treats a missing item as having no attributes", () => {
    expect(holds("attribute_not_exists(id)", {}, {}, null)).toBe(true);
    expect(holds("n = :five", { ":five": { N: "5" } }, {}, null)).toBe(false);
  });

  it.each([
    ["n >", {}, /Syntax error/],
    ["n = :undefined", {}, /attribute value used in expression is not defined/],
    ["name = :x", { ":x": { S: "x" } }, /reserved keyword; reserved keyword: name/],
    ["attribute_exists(id)", { ":unused": { S: "x" } }, /unused in expressions: keys: \{:unused\}/],
    ["attribute_exists(id, n)", {}, /Incorrect number of operands/],
  ])("refuses %s", (text, values, message) => {
    expect(() => holds(text, values)).toThrow(message);
  });
});

describe("update expressions", () => {
  it("sets, adds, removes and deletes, reading every operand from the item before the update", () => {
    const after = update("SET n = n + :one, list = list_append(list, :more), fresh = if_not_exists(fresh, :zero) REMOVE nested ADD tags :z DELETE tags :x", {
      ":one": { N: "1" },
      ":more": { L: [{ N: "3" }] },
      ":zero": { N: "0" },
      ":z": { SS: ["z"] },
      ":x": { SS: ["x"] },
    });
    expect(after).toEqual({
      id: { S: "a" },
      n: { N: "6" },
      name: { S: "Ada Lovelace" },
      tags: { SS: ["y", "z"] },
      list: { L: [{ N: "1" }, { S: "two" }, { N: "3" }] },
      fresh: { N: "0" },
    });
    expect(item.n).toEqual({ N: "5" });
  });

  it("sets nested attributes and list elements", () => {
    expect(update("SET nested.deep = :v, list[0] = :v", { ":v": { N: "9" } })).toMatchObject({ nested: { M: { deep: { N: "9" } } }, list: { L: [{ N: "9" }, { S: "two" }] } });
  });

  it.each([
    ["SET n = n + :s", { ":s": { S: "text" } }, /incorrect data type/],
    ["SET n = missing + :one", { ":one": { N: "1" } }, /does not exist in the item/],
    ["SET n = :one SET n = :one", { ":one": { N: "1" } }, /can only be used once/],
    ["SET missing.deep = :one", { ":one": { N: "1" } }, /document path provided in the update expression is invalid/],
  ])("refuses %s", (text, values, message) => {
    expect(() => update(text, values)).toThrow(message);
  });
});

describe("projection expressions", () => {
  it("keeps the attributes named, nested ones included", () => {
    const placeholders = new Placeholders({ "#n": "name" }, undefined);
    expect(parseProjection("id, #n, nested.deep", placeholders)(item)).toEqual({ id: { S: "a" }, name: { S: "Ada Lovelace" }, nested: { M: { deep: { N: "7" } } } });
  });
});
