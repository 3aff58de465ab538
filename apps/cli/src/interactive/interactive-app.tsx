import { type AgentEvent, type FeedEvent, Stage, TokenCounter } from "@bridle/core";
import { Box, Static, Text, type Key, useInput } from "ink";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Runtime } from "../runtime/create-runtime.js";
import type { CompactHandler } from "./compact-handler.js";
import { contextGauge } from "./context-gauge.js";
import { InputLineView } from "./input-line-view.js";
import { LiveTurnView } from "./live-turn-view.js";
import { measureContext } from "./measure-context.js";
import { ModelPickerView } from "./model-picker-view.js";
import { filterPicker, movePicker, selectedChoice } from "./model-picker-state.js";
import { parseSlashCommand, type ParsedSlashCommand } from "./parse-slash-command.js";
import type { PermissionBridge } from "./permission-bridge.js";
import { PermissionPromptView } from "./permission-prompt-view.js";
import { runSlashCommand } from "./run-slash-command.js";
import { createScreenState, type NewTranscriptEntry } from "./screen-state.js";
import type { SessionListing } from "./sessions-report.js";
import { StatusLine } from "./status-line.js";
import { isModelNotServed, type SwitchOutcome, switchModel } from "./switch-model.js";
import { toPermissionView } from "./to-permission-view.js";
import { TranscriptEntryView } from "./transcript-entry-view.js";
import { completeInput } from "./complete-input.js";
import { SessionPickerView } from "./session-picker-view.js";
import type { PermissionMode } from "@bridle/tools";

/** What each permission mode lets run without asking, for the notice shift-tab prints. */
const MODE_WORDS: Readonly<Record<PermissionMode, string>> = {
  ask: "asks before edits and commands",
  "allow-edits": "edits without asking, asks before commands",
  "allow-all": "asks for nothing",
};
import { useScreenStore } from "./use-screen-store.js";

/** What the screen needs from the runtime. */
export type ScreenRuntime = Pick<Runtime, "agent" | "kernel" | "gateways" | "permissionMode" | "setPermissionMode" | "session" | "workspace"> & Partial<Pick<Runtime, "gatewayOrigins">>;

/** What `/clear`, `/new` and `/resume` ask of the code that runs the screen. */
export interface ReopenRequest {
  /** Clear the terminal first (`/clear`, `/resume`). */
  clear: boolean;
  /** The session to continue; a new session when absent. */
  resume?: string;
  /** The permission mode to keep. */
  permissionMode: PermissionMode;
}

/** The modes shift-tab cycles through, in order. */
const MODES: readonly PermissionMode[] = ["ask", "allow-edits", "allow-all"];

/** Props of {@link InteractiveApp}. */
export interface InteractiveAppProps {
  runtime: ScreenRuntime;
  environment: NodeJS.ProcessEnv;
  permissions: PermissionBridge | undefined;
  compact: CompactHandler | undefined;
  listSessions: (() => SessionListing[]) | undefined;
  /** Printed first: banner and startup feed. */
  intro: NewTranscriptEntry[];
  /** Feed events of checks that finish after the screen is up, printed when they arrive. */
  lateFeed?: Promise<FeedEvent[]>;
  /** Sent as the first prompt once the screen is up. */
  initialPrompt: string | undefined;
  rows: number;
  /** Called once, when the user leaves; the screen has cancelled any turn by then. */
  onExit(code: number): void;
  /** Called once, for `/clear`, `/new` and `/resume`; without it those commands say they are not available. */
  onReopen?(request: ReopenRequest): void;
  /** Receives the function that leaves as the user would (cancelling any turn), for signals. */
  registerStop?: (stop: (code: number, reason: string) => void) => void;
}

const PAGE = 10;

/**
 * The interactive screen: transcript above (printed once), the live turn, the prompt (or the
 * permission question, or the model picker), and the status line with the context gauge.
 */
export function InteractiveApp(props: InteractiveAppProps) {
  const { runtime, environment, permissions, compact, listSessions } = props;
  const { agent, kernel, gateways } = runtime;
  const history = useMemo(
    () => agent.messages.flatMap((message) => (message.role === "user" && typeof message.content === "string" ? [message.content] : [])),
    [agent],
  );
  const { state, read, dispatch } = useScreenStore(() => {
    const initial = createScreenState({ history, rows: props.rows, permissionMode: runtime.permissionMode, keyVariable: (gateway) => gateways.get(gateway)?.apiKeyEnv });
    return { ...initial, transcript: props.intro.map((entry, index) => ({ ...entry, id: index + 1 }) as typeof initial.transcript[number]), nextId: props.intro.length + 1 };
  });
  const counter = useMemo(() => new TokenCounter(), []);
  const turn = useRef<{ controller: AbortController; done: Promise<void> } | undefined>(undefined);
  const command = useRef<AbortController | undefined>(undefined);
  const exiting = useRef(false);
  /**
   * Slow commands (/model, /compact) still running. The screen stays busy until the last one
   * ends: a second quick /model waits for the first one's compaction, and a prompt typed
   * meanwhile is queued, not sent on the first one's return.
   */
  const slowCommands = useRef(0);
  const beginActivity = useCallback(
    (text: string) => {
      slowCommands.current += 1;
      dispatch({ type: "activity", text });
    },
    [dispatch],
  );
  const endActivity = useCallback(() => {
    slowCommands.current -= 1;
    if (slowCommands.current === 0) dispatch({ type: "activity", text: undefined });
  }, [dispatch]);
  /** The pair before the last switch, until a request on the new pair has answered. */
  const switchCheck = useRef<NonNullable<SwitchOutcome["switched"]> | undefined>(undefined);

  // Feed events arrive through the kernel hook so that those posted between turns show too.
  useEffect(() => {
    let live = true;
    kernel.hooks.onEvent.tap({ name: "interactive-screen", stage: Stage.OBSERVE }, (event) => {
      if (live) dispatch({ type: "feed", event });
    });
    return () => {
      live = false;
    };
  }, [kernel, dispatch]);

  const { lateFeed } = props;
  useEffect(() => {
    let live = true;
    void lateFeed?.then((feed) => {
      for (const event of feed) if (live) dispatch({ type: "feed", event });
    });
    return () => {
      live = false;
    };
  }, [lateFeed, dispatch]);

  useEffect(() => {
    if (!permissions) return undefined;
    const show = () => {
      const pending = permissions.current();
      dispatch({ type: "permission", view: pending ? toPermissionView(pending.question) : undefined });
    };
    show();
    return permissions.subscribe(show);
  }, [permissions, dispatch]);

  const startTurn = useCallback(
    (text: string) => {
      dispatch({ type: "turn-submitted", text });
      const controller = new AbortController();
      // The first request after a switch checks the new pair: a gateway that does not serve the
      // model puts the agent back where it was, instead of failing every prompt after it.
      const check = switchCheck.current;
      let notServed = false;
      const onEvent = (event: AgentEvent) => {
        if (check && event.type === "usage") switchCheck.current = undefined;
        if (check && event.type === "error" && isModelNotServed(event)) notServed = true;
        if (check && notServed && event.type === "done") {
          switchCheck.current = undefined;
          const failed = `${agent.model.id} @ ${agent.gateway}`;
          dispatch({ type: "agent-event", event });
          void agent.switchModel(check.from.model, check.from.gateway, "user").then(() => {
            dispatch({ type: "print", entries: [{ kind: "note", tone: "warn", text: `${failed} is not served there (the gateway said so): back on ${check.from.model} @ ${check.from.gateway}; /model lists what each gateway serves` }] });
            dispatch({ type: "context-reported", tokens: undefined });
          });
          return;
        }
        dispatch({ type: "agent-event", event });
      };
      const done = agent
        .runTurn(text, { signal: controller.signal, onEvent })
        .then(
          () => undefined,
          (error: unknown) => {
            // runTurn reports model and tool failures as events; anything else (the session log
            // could not be written) still has to end the turn on screen.
            const message = error instanceof Error ? error.message : String(error);
            dispatch({ type: "agent-event", event: { type: "error", message } });
            dispatch({ type: "agent-event", event: { type: "done", reason: "error", turn: agent.turn, message } });
          },
        )
        .finally(() => {
          if (turn.current?.controller === controller) turn.current = undefined;
          drainQueueRef.current();
        });
      turn.current = { controller, done };
    },
    [agent, dispatch, read],
  );
  /** Sends the oldest prompt typed ahead, once nothing runs: one turn each, in the order typed. */
  const drainQueue = useCallback(() => {
    const current = read();
    const next = current.queue[0];
    if (next === undefined || exiting.current || turn.current || current.busy || current.activity) return;
    dispatch({ type: "dequeue" });
    startTurn(next);
  }, [read, dispatch, startTurn]);
  const drainQueueRef = useRef(drainQueue);
  drainQueueRef.current = drainQueue;

  const exit = useCallback(
    async (code: number, reason = "the user left") => {
      if (exiting.current) return;
      exiting.current = true;
      permissions?.denyAll();
      command.current?.abort();
      const running = turn.current;
      if (running) {
        running.controller.abort(new Error(reason));
        await running.done;
      }
      props.onExit(code);
    },
    [permissions, props],
  );
  const { registerStop } = props;
  useEffect(() => registerStop?.((code, reason) => void exit(code, reason)), [registerStop, exit]);

  const reopen = useCallback(
    async (request: Omit<ReopenRequest, "permissionMode">) => {
      if (!props.onReopen) {
        dispatch({ type: "print", entries: [{ kind: "note", tone: "warn", text: "starting another session is not available here" }] });
        return;
      }
      if (exiting.current) return;
      exiting.current = true;
      permissions?.denyAll();
      const running = turn.current;
      if (running) {
        running.controller.abort(new Error("the user started another session"));
        await running.done;
      }
      props.onReopen({ ...request, permissionMode: runtime.permissionMode });
    },
    [permissions, props, runtime, dispatch],
  );

  const runCommand = useCallback(
    async (parsed: ParsedSlashCommand) => {
      const controller = new AbortController();
      command.current = controller;
      const slow = parsed.known && (parsed.name === "compact" || parsed.name === "model");
      if (slow) beginActivity(parsed.name === "compact" ? "compacting" : parsed.args.length > 0 ? "switching model" : "asking gateways what they serve");
      const current = read();
      const outcome = await runSlashCommand(parsed, {
        agent,
        kernel,
        gateways,
        gatewayOrigins: runtime.gatewayOrigins,
        environment,
        counter,
        sessionId: runtime.session.id,
        listSessions,
        compact,
        busy: current.busy,
        reportedTokens: current.reportedTokens,
        totals: current.totals,
        repairs: current.repairs,
        signal: controller.signal,
      });
      if (command.current === controller) command.current = undefined;
      if (slow) endActivity();
      queueMicrotask(() => drainQueueRef.current());
      switch (outcome.type) {
        case "print":
          if (outcome.switched) switchCheck.current = outcome.switched;
          dispatch({ type: "print", entries: outcome.entries });
          if (outcome.contextChanged) dispatch({ type: "context-reported", tokens: undefined });
          break;
        case "pick-model":
          dispatch({ type: "picker", picker: outcome.picker });
          break;
        case "pick-session":
          dispatch({ type: "session-picker", picker: { sessions: outcome.sessions, index: 0 } });
          break;
        case "reopen":
          reopen({ clear: outcome.clear, ...(outcome.resume ? { resume: outcome.resume } : {}) });
          break;
        case "send":
          startTurn(outcome.text);
          break;
        case "exit":
          await exit(0);
          break;
      }
    },
    [agent, kernel, gateways, environment, counter, runtime.session.id, listSessions, compact, read, dispatch, exit, startTurn, beginActivity, endActivity], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const submit = useCallback(() => {
    const current = read();
    const text = current.input.text;
    if (text.trim() === "") return;
    const parsed = parseSlashCommand(text);
    if (!parsed && (current.busy || current.activity)) {
      // Typed ahead: it waits for the turn (or the command) to end and is sent then.
      dispatch({ type: "input-submitted" });
      dispatch({ type: "queue", text });
      return;
    }
    dispatch({ type: "input-submitted" });
    if (parsed) {
      dispatch({ type: "print", entries: [{ kind: "user", text: text.trim() }] });
      void runCommand(parsed);
    } else {
      startTurn(text);
    }
  }, [read, dispatch, runCommand, startTurn]);

  const onPickerKey = useCallback(
    (input: string, key: Key) => {
      const picker = read().picker!;
      if (key.escape) return dispatch({ type: "picker", picker: undefined });
      if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
        const step = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -PAGE : PAGE;
        return dispatch({ type: "picker", picker: movePicker(picker, step) });
      }
      if (key.return) {
        const choice = selectedChoice(picker);
        if (!choice) return undefined;
        dispatch({ type: "picker", picker: undefined });
        if (choice.current) return dispatch({ type: "print", entries: [{ kind: "note", tone: "info", text: `already on ${choice.model} @ ${choice.gateway}` }] });
        beginActivity("switching model");
        void switchModel(agent, kernel, gateways, environment, choice.model, choice.gateway).then((outcome) => {
          if (outcome.switched) switchCheck.current = outcome.switched;
          endActivity();
          dispatch({ type: "print", entries: outcome.entries });
          dispatch({ type: "context-reported", tokens: undefined });
          drainQueueRef.current();
        });
        return undefined;
      }
      if (key.backspace || key.delete) return dispatch({ type: "picker", picker: filterPicker(picker, picker.filter.slice(0, -1)) });
      const typed = input.replace(/[\u0000-\u001F\u007F]/g, "");
      if (!key.ctrl && !key.meta && typed.length > 0) dispatch({ type: "picker", picker: filterPicker(picker, picker.filter + typed) });
      // A filter typed together with Enter (one chunk) picks the first match.
      if (/\r\n?$/.test(input) && input.length > 1) onPickerKey("", { ...key, return: true });
      return undefined;
    },
    [read, dispatch, agent, kernel, gateways, environment, beginActivity, endActivity],
  );

  const onSessionPickerKey = useCallback(
    (_input: string, key: Key) => {
      const picker = read().sessionPicker!;
      if (key.escape) return dispatch({ type: "session-picker", picker: undefined });
      if (key.upArrow || key.downArrow) {
        const index = Math.min(picker.sessions.length - 1, Math.max(0, picker.index + (key.upArrow ? -1 : 1)));
        return dispatch({ type: "session-picker", picker: { ...picker, index } });
      }
      if (key.return) {
        const chosen = picker.sessions[picker.index];
        dispatch({ type: "session-picker", picker: undefined });
        if (chosen) void reopen({ clear: true, resume: chosen.id });
      }
      return undefined;
    },
    [read, dispatch, reopen],
  );

  const onCtrlC = useCallback(() => {
    const current = read();
    if (turn.current || current.permission) {
      permissions?.denyAll();
      turn.current?.controller.abort(new Error("cancelled by the user"));
      dispatch({ type: "cancel-requested" });
      return;
    }
    if (command.current) {
      command.current.abort(new Error("cancelled by the user"));
      return;
    }
    if (current.picker) return dispatch({ type: "picker", picker: undefined });
    if (current.sessionPicker) return dispatch({ type: "session-picker", picker: undefined });
    if (current.input.text !== "") return dispatch({ type: "input-cleared" });
    if (current.exitArmed) return void exit(0);
    dispatch({ type: "exit-armed", armed: true });
  }, [read, permissions, dispatch, exit]);

  useInput((input, key) => {
    if (exiting.current) return;
    if (key.ctrl && input === "c") return onCtrlC();
    const current = read();
    // ctrl-o: the last tool's whole output; ctrl-t: all the reasoning of the last turn (during a
    // turn, more or fewer of its live reasoning lines).
    if (key.ctrl && input === "o") return dispatch({ type: "expand", what: "tool" });
    if (key.ctrl && input === "t") return dispatch(current.busy ? { type: "toggle-reasoning" } : { type: "expand", what: "reasoning" });
    if (key.tab && key.shift) {
      const mode = MODES[(MODES.indexOf(runtime.permissionMode) + 1) % MODES.length]!;
      runtime.setPermissionMode(mode);
      dispatch({ type: "permission-mode", mode });
      return dispatch({ type: "notice", text: `permission mode: ${mode} (${MODE_WORDS[mode]}; shift-tab changes it)` });
    }
    if (current.permission && permissions) {
      const pending = permissions.current();
      if (!pending) return;
      if (current.feedback) {
        if (key.escape) return pending.answer("deny");
        const typedEnter = input.length > 1 && /[^\r\n]\r\n?$/.test(input);
        if (typedEnter) dispatch({ type: "feedback-edit", input: input.replace(/\r\n?$/, ""), key });
        if (key.return || typedEnter) {
          const text = read().feedback?.text.trim() ?? "";
          return pending.answer(text === "" ? "deny" : { feedback: text });
        }
        return dispatch({ type: "feedback-edit", input, key });
      }
      const letter = input.toLowerCase();
      if (letter === "y") pending.answer("allow");
      else if (letter === "a") pending.answer("always");
      else if (letter === "n") dispatch({ type: "feedback-start" });
      else if (key.escape) pending.answer("deny");
      return;
    }
    if (current.picker) return onPickerKey(input, key);
    if (current.sessionPicker) return onSessionPickerKey(input, key);
    // Text and Tab can arrive in one chunk too (fast typing, a multiplexer): type it, then complete.
    const typedTab = input.length > 1 && /[^\t]\t$/.test(input) && !input.slice(0, -1).includes("\t");
    if (key.tab || typedTab) {
      if (typedTab) dispatch({ type: "edit", input: input.slice(0, -1), key: {} });
      const text = read().input.text;
      const completion = completeInput(text, runtime.workspace);
      if (completion.text !== text) dispatch({ type: "set-input", text: completion.text });
      return dispatch({ type: "notice", text: completion.candidates.length > 0 ? completion.candidates.join("  ") : undefined });
    }
    // Alt-Enter (and ctrl-j, which arrives as a line feed) adds a line; Enter sends.
    if (key.return && key.meta) return dispatch({ type: "edit", input: "\n", key: {} });
    if (key.ctrl && input === "d" && current.input.text === "") return void exit(0);
    if (key.return) return submit();
    // Text and Enter can arrive in one chunk (fast typing, a terminal multiplexer): the text is
    // typed, then the line is sent. Line breaks inside a paste stay in the prompt.
    const typedEnter = input.length > 1 && /[^\r\n]\r\n?$/.test(input);
    dispatch({ type: "edit", input: typedEnter ? input.replace(/\r\n?$/, "") : input, key });
    if (typedEnter) submit();
  });

  useEffect(() => {
    if (props.initialPrompt) startTurn(props.initialPrompt);
    // The first prompt goes once, when the screen opens.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The local count is redone only when the conversation or the model changes; the gateway's
  // reported count replaces it as soon as there is one.
  const shape = `${agent.messages.length}|${agent.model.id}|${agent.gateway}`;
  const estimate = useMemo(() => measureContext(agent, kernel, counter), [shape]); // eslint-disable-line react-hooks/exhaustive-deps
  const gauge = contextGauge(state.reportedTokens ?? estimate.breakdown.total, estimate.limits.contextWindow);
  const runningTool = state.live?.tools.at(-1)?.call.split(" ")[0];
  const activity = state.permission
    ? "waiting for your answer"
    : state.live?.cancelling
      ? "cancelling"
      : state.busy
        ? runningTool
          ? `running ${runningTool}`
          : "working"
        : state.activity;

  return (
    <Box flexDirection="column">
      <Static key={state.generation} items={state.transcript}>{(entry) => <TranscriptEntryView key={entry.id} entry={entry} />}</Static>
      {state.live ? <LiveTurnView live={state.live} reasoningExpanded={state.reasoningExpanded} /> : null}
      <Box flexDirection="column" marginTop={state.live ? 0 : 1}>
        {state.permission ? (
          <PermissionPromptView view={state.permission} feedback={state.feedback} />
        ) : state.picker ? (
          <ModelPickerView picker={state.picker} />
        ) : state.sessionPicker ? (
          <SessionPickerView sessions={state.sessionPicker.sessions} index={state.sessionPicker.index} />
        ) : (
          <InputLineView
            line={state.input}
            dim={false}
            placeholder={state.busy ? " a turn is running · type ahead: enter queues it · ctrl-c cancels the turn" : " ask anything · /help · alt-enter or ctrl-j for a new line"}
          />
        )}
        {state.queue.map((text, index) => (
          <Text key={index} dimColor wrap="truncate-end">{`  queued: ${text.replace(/\s+/g, " ")}`}</Text>
        ))}
        {state.notice ? <Text color="yellow">{state.notice}</Text> : null}
        <StatusLine
          gauge={gauge}
          model={agent.model.id}
          gateway={agent.gateway}
          permissionMode={state.permissionMode}
          activity={activity}
          since={state.busy ? state.turnStartedAt : undefined}
          streamedTokens={state.busy ? Math.round(state.streamedCharacters / 4) : undefined}
        />
      </Box>
    </Box>
  );
}
