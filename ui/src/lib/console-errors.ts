// Keeps every error the page reports (console.error, uncaught errors, rejected promises) in a
// list on `window`, so the end-to-end tests can assert that a run produced none.
declare global {
  interface Window {
    __dpadeskConsoleErrors?: string[];
  }
}

export function recordConsoleErrors(): void {
  const errors: string[] = (window.__dpadeskConsoleErrors = []);
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.message ?? e.reason)));
}
