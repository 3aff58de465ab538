import { describe, expect, it } from "vitest";
import { splitListPayload } from "./split-list-payload.js";

describe("splitListPayload", () => {
  it("returns the objects of a list of objects", () => {
    expect(splitListPayload([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("refuses lists holding anything but objects, and empty lists", () => {
    expect(splitListPayload(["x"])).toBeNull();
    expect(splitListPayload([null])).toBeNull();
    expect(splitListPayload([{ a: 1 }, [2]])).toBeNull();
    expect(splitListPayload([])).toBeNull();
  });
});
