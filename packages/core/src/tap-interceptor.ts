import { performance } from "node:perf_hooks";
import { HarnessError } from "./errors/harness-error.js";
import { PluginError } from "./errors/plugin-error.js";
import type { TraceRecorder } from "./trace.js";

/** The tapable tap record a `register` interceptor sees. */
interface RegisteredTap {
  type: "sync" | "async" | "promise";
  name: string;
  fn: Function;
  plugin?: string;
  stage?: number;
}

/** Checks a waterfall tap's result against its input; throws to reject it. */
export type TapResultCheck = (input: unknown, result: unknown) => void;

/**
 * A tapable `register` interceptor that wraps every tap of one hook so that any exception
 * becomes a {@link PluginError} naming the plugin and the hook, and, when a trace recorder is
 * given, times each call. Wrapping happens once at registration, so calls pay no lookup.
 */
export function createTapInterceptor(hook: string, trace?: TraceRecorder, check?: TapResultCheck) {
  return {
    name: "bridle-tap-guard",
    register<T extends RegisteredTap>(tap: T): T {
      const plugin = tap.plugin ?? tap.name;
      const original = tap.fn;
      // A HarnessError is a failed model request a tap may raise on purpose (a cut answer, an
      // endpoint that is not to be used now): it stays typed so `onError` can recover from it.
      const fail = (error: unknown) => (error instanceof PluginError || error instanceof HarnessError ? error : new PluginError(plugin, hook, error));
      const record = (start: number) =>
        trace?.record({ hook, plugin, tap: tap.name, milliseconds: performance.now() - start });

      if (tap.type === "promise") {
        // An async function is cheaper in V8 than chaining `.then` by hand, and maps a throw or a
        // rejection the same way.
        const fn = trace
          ? async (...args: unknown[]) => {
              const start = performance.now();
              try {
                const result = await expectPromise(original(...args));
                check?.(args[0], result);
                return result;
              } catch (error) {
                throw fail(error);
              } finally {
                record(start);
              }
            }
          : async (...args: unknown[]) => {
              try {
                const result = await expectPromise(original(...args));
                check?.(args[0], result);
                return result;
              } catch (error) {
                throw fail(error);
              }
            };
        return { ...tap, fn };
      }

      if (tap.type === "async") {
        const fn = (...args: unknown[]) => {
          const start = trace ? performance.now() : 0;
          const callback = args.pop() as (error?: unknown, result?: unknown) => void;
          const done = (error?: unknown, result?: unknown) => {
            if (trace) record(start);
            callback(error ? fail(error) : error, result);
          };
          try {
            original(...args, done);
          } catch (error) {
            callback(fail(error));
          }
        };
        return { ...tap, fn };
      }

      const fn = (...args: unknown[]) => {
        const start = trace ? performance.now() : 0;
        try {
          return original(...args);
        } catch (error) {
          throw fail(error);
        } finally {
          if (trace) record(start);
        }
      };
      return { ...tap, fn };
    },
  };
}

/** A promise tap must return a thenable; anything else is a plugin bug worth naming. */
function expectPromise(value: unknown): unknown {
  if (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function") return value;
  throw new TypeError("tap did not return a promise (use tapPromise with an async function)");
}
