// The page side of the protocol: the ready handshake, requests with ids, and the saved state.
import {
  toViewSchema,
  webviewStateSchema,
  type PanelKey,
  type PanelView,
  type ResultMessage,
  type ToHost,
  type WebviewState,
} from '../../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** A request without its id; `request` numbers it. */
export type RequestBody = ToHost extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

let nextId = 1;
const pending = new Map<number, (result: ResultMessage) => void>();
let showHandler: (key: PanelKey, view: PanelView) => void = () => undefined;
let errorHandler: (message: string) => void = () => undefined;

/** Sends a request and resolves with the extension's one result for it. */
export function request(body: RequestBody): Promise<ResultMessage> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    api.postMessage({ ...body, id });
  });
}

export function loadState(): WebviewState | undefined {
  const parsed = webviewStateSchema.safeParse(api.getState());
  return parsed.success ? parsed.data : undefined;
}

export function saveState(patch: Partial<WebviewState> & { key: PanelKey }): void {
  api.setState({ ...loadState(), ...patch });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = toViewSchema.safeParse(event.data);
  if (!parsed.success) {
    console.warn('Ignored a malformed message from the extension', parsed.error.issues);
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'show':
      saveState({ key: message.key, view: message.view });
      showHandler(message.key, message.view);
      break;
    case 'error':
      errorHandler(message.message);
      break;
    case 'result': {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message);
      break;
    }
  }
});

/** Registers the page's renderers, shows the saved state at once, then asks the extension for data. */
export function start(handlers: { show: (key: PanelKey, view: PanelView) => void; error: (message: string) => void }): void {
  showHandler = handlers.show;
  errorHandler = handlers.error;
  const saved = loadState();
  if (saved?.view) handlers.show(saved.key, saved.view);
  api.postMessage({ type: 'ready' } satisfies ToHost);
}

/**
 * `start` for a page that shows one kind of view: `view` gets each view of that panel kind (others are ignored),
 * `error` each error text; the page redraws itself from both.
 */
export function startView<P extends PanelView['panel']>(
  panel: P,
  handlers: { view: (view: Extract<PanelView, { panel: P }>) => void; error: (message: string) => void },
): void {
  start({
    show: (_key, next) => {
      if (next.panel === panel) handlers.view(next as Extract<PanelView, { panel: P }>);
    },
    error: handlers.error,
  });
}
