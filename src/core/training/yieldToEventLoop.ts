/**
 * Lets queued tasks run (cancel messages, progress postMessage, UI input) between epochs.
 *
 * Resolving a promise is not enough: microtasks run before any task. So this schedules a real
 * task, preferring the cheapest unthrottled one: `setImmediate` (Node), then a `MessageChannel`
 * message (browsers and workers: not clamped to 4 ms like nested `setTimeout`, and not paused in
 * background tabs like `requestAnimationFrame`, which `tf.nextFrame` uses), then `setTimeout`.
 *
 * The core compiles without DOM or Node typings, so the globals are looked up structurally.
 */
interface PortLike {
  onmessage: ((ev: unknown) => void) | null;
  postMessage(message: unknown): void;
  close?(): void;
}

interface SchedulingGlobals {
  setImmediate?: (cb: () => void) => unknown;
  MessageChannel?: new () => { port1: PortLike; port2: PortLike };
  setTimeout?: (cb: () => void, ms: number) => unknown;
}

export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as SchedulingGlobals;
  return new Promise<void>((resolve) => {
    if (typeof g.setImmediate === 'function') {
      g.setImmediate(resolve);
    } else if (typeof g.MessageChannel === 'function') {
      const { port1, port2 } = new g.MessageChannel();
      port1.onmessage = () => {
        port1.close?.();
        port2.close?.();
        resolve();
      };
      port2.postMessage(null);
    } else if (typeof g.setTimeout === 'function') {
      g.setTimeout(resolve, 0);
    } else {
      resolve();
    }
  });
}
