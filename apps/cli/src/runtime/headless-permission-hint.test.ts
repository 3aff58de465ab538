import { expect, test } from "vitest";
import { headlessPermissionHint } from "./headless-permission-hint.js";

test("a path outside the workspace is answered with a rule naming it, and no flag", () => {
  const hint = headlessPermissionHint({ outsidePath: "/home/user/notes/todo.md" }, { name: "read", kind: "read" });
  expect(hint).toContain('"read(/home/user/notes/**)"');
  expect(hint).not.toMatch(/with --yes|with --allow-edits/);
});

test("an edit names --allow-edits and --yes; a command only --yes; a grouped tool its group's rule", () => {
  expect(headlessPermissionHint({}, { name: "write", kind: "edit" })).toBe('allow it with --allow-edits or --yes, or an allow rule such as "write(…)" under permissions.allow');
  expect(headlessPermissionHint({}, { name: "bash", kind: "execute" })).toBe('allow it with --yes, or an allow rule such as "bash(…)" under permissions.allow');
  expect(headlessPermissionHint({}, { name: "github__create_issue", kind: "execute", permissionGroup: "mcp" })).toContain('"mcp(github__create_issue)"');
});
