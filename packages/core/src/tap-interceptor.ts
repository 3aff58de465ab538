import { performance } from "node:perf_hooks";
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

/**
 * A tapable `register` interceptor that wraps every tap of one hook so that any exception
 * becomes a {@link PluginError} naming the plugin and the hook, and, when a trace recorder is
 * given, times each call. Wrapping happens once at registration, so calls pay no lookup.
 */
export function createTapInterceptor(hook: string, trace?: TraceRecorder) {
  return {
    name: "bridle-tap-guard",
    register<T extends RegisteredTap>(tap: T): T {
      const plugin = tap.plugin ?? tap.name;
      const original = tap.fn;
      const fail = (error: unknown) => (error instanceof PluginError ? error : new PluginError(plugin, hook, error));
      const record = (start: number) =>
        trace?.record({ hook, plugin, tap: tap.name, milliseconds: performance.now() - start });

      if (tap.type === "promise") {
        const fn = (...args: unknown[]) => {
          const start = trace ? performance.now() : 0;
          let result: unknown;
          try {
            result = original(...args);
          } catch (error) {
            return Promise.reject(fail(error));
          }
          if (!isThenable(result)) {
            return Promise.reject(
              fail(new TypeError("tap did not return a promise (use tapPromise with an async function)")),
            );
          }
          return result.then(
            (value) => {
              if (trace) record(start);
              return value;
            },
            (error: unknown) => {
              throw fail(error);
            },
          );
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

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
