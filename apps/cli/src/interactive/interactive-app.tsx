import { Stage, TokenCounter } from "@bridle/core";
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
import { switchModel } from "./switch-model.js";
import { toPermissionView } from "./to-permission-view.js";
import { TranscriptEntryView } from "./transcript-entry-view.js";
import { useScreenStore } from "./use-screen-store.js";

/** What the screen needs from the runtime. */
export type ScreenRuntime = Pick<Runtime, "agent" | "kernel" | "gateways" | "permissionMode" | "session"> & Partial<Pick<Runtime, "gatewayOrigins">>;

/** Props of {@link InteractiveApp}. */
export interface InteractiveAppProps {
  runtime: ScreenRuntime;
  environment: NodeJS.ProcessEnv;
  permissions: PermissionBridge | undefined;
  compact: CompactHandler | undefined;
  listSessions: (() => SessionListing[]) | undefined;
  /** Printed first: banner and startup feed. */
  intro: NewTranscriptEntry[];
  /** Sent as the first prompt once the screen is up. */
  initialPrompt: string | undefined;
  rows: number;
  /** Called once, when the user leaves; the screen has cancelled any turn by then. */
  onExit(code: number): void;
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
    const initial = createScreenState({ history, rows: props.rows });
    return { ...initial, transcript: props.intro.map((entry, index) => ({ ...entry, id: index + 1 }) as typeof initial.transcript[number]), nextId: props.intro.length + 1 };
  });
  const counter = useMemo(() => new TokenCounter(), []);
  const turn = useRef<{ controller: AbortController; done: Promise<void> } | undefined>(undefined);
  const command = useRef<AbortController | undefined>(undefined);
  const exiting = useRef(false);

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
      const done = agent
        .runTurn(text, { signal: controller.signal, onEvent: (event) => dispatch({ type: "agent-event", event }) })
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
        });
      turn.current = { controller, done };
    },
    [agent, dispatch],
  );

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

  const runCommand = useCallback(
    async (parsed: ParsedSlashCommand) => {
      const controller = new AbortController();
      command.current = controller;
      const slow = parsed.known && (parsed.name === "compact" || (parsed.name === "model" && parsed.args.length > 0));
      if (slow) dispatch({ type: "activity", text: parsed.name === "compact" ? "compacting" : "switching model" });
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
      if (slow) dispatch({ type: "activity", text: undefined });
      switch (outcome.type) {
        case "print":
          dispatch({ type: "print", entries: outcome.entries });
          if (outcome.contextChanged) dispatch({ type: "context-reported", tokens: undefined });
          break;
        case "pick-model":
          dispatch({ type: "picker", picker: outcome.picker });
          break;
        case "exit":
          await exit(0);
          break;
      }
    },
    [agent, kernel, gateways, environment, counter, runtime.session.id, listSessions, compact, read, dispatch, exit],
  );

  const submit = useCallback(() => {
    const current = read();
    const text = current.input.text;
    if (text.trim() === "") return;
    const parsed = parseSlashCommand(text);
    if (!parsed && (current.busy || current.activity)) {
      dispatch({ type: "notice", text: "a turn is running: wait for it to end, or press ctrl-c to cancel it (your text stays here)" });
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
        dispatch({ type: "activity", text: "switching model" });
        void switchModel(agent, kernel, gateways, environment, choice.model, choice.gateway).then((entries) => {
          dispatch({ type: "activity", text: undefined });
          dispatch({ type: "print", entries });
          dispatch({ type: "context-reported", tokens: undefined });
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
    [read, dispatch, agent, kernel, gateways, environment],
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
    if (current.input.text !== "") return dispatch({ type: "input-cleared" });
    if (current.exitArmed) return void exit(0);
    dispatch({ type: "exit-armed", armed: true });
  }, [read, permissions, dispatch, exit]);

  useInput((input, key) => {
    if (exiting.current) return;
    if (key.ctrl && input === "c") return onCtrlC();
    if (key.ctrl && input === "o") return dispatch({ type: "toggle-reasoning" });
    const current = read();
    if (current.permission && permissions) {
      const pending = permissions.current();
      const answer = input.toLowerCase() === "y" ? "allow" : input.toLowerCase() === "a" ? "always" : input.toLowerCase() === "n" || key.escape ? "deny" : undefined;
      if (pending && answer) pending.answer(answer);
      return;
    }
    if (current.picker) return onPickerKey(input, key);
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
  const activity = state.permission ? "waiting for your answer" : state.live?.cancelling ? "cancelling" : state.busy ? "working" : state.activity;

  return (
    <Box flexDirection="column">
      <Static items={state.transcript}>{(entry) => <TranscriptEntryView key={entry.id} entry={entry} />}</Static>
      {state.live ? <LiveTurnView live={state.live} reasoningExpanded={state.reasoningExpanded} /> : null}
      <Box flexDirection="column" marginTop={state.live ? 0 : 1}>
        {state.permission ? (
          <PermissionPromptView view={state.permission} />
        ) : state.picker ? (
          <ModelPickerView picker={state.picker} />
        ) : (
          <InputLineView line={state.input} dim={state.busy} placeholder={state.busy ? " a turn is running · ctrl-c cancels it" : " ask anything · /help"} />
        )}
        {state.notice ? <Text color="yellow">{state.notice}</Text> : null}
        <StatusLine gauge={gauge} model={agent.model.id} gateway={agent.gateway} permissionMode={runtime.permissionMode} activity={activity} />
      </Box>
    </Box>
  );
}
