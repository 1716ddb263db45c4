// A tiny event emitter for the model layer, which does not import `vscode` (so it runs in plain mocha).
// The shape matches vscode.Event, so glue code can hand these events to VS Code APIs unchanged.
export interface Subscription {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Subscription;

export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; one that throws does not stop the others (each failure is reported to `onError`). */
  fire(value: T, onError: (error: unknown) => void = (e) => console.error(e)): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        onError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
