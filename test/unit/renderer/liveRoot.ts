/**
 * A live React root in Node, without a DOM: what a server render cannot show, a component
 * rendering again (or not) when its parent re-renders or a store it reads changes. Built on
 * react-reconciler, the package react-konva renders the timeline with (react-konva pins it and its
 * types, so they are installed with it); the host tree is plain objects (type, props, children),
 * enough to read a test id's props.
 */
import { createContext, type ReactNode } from 'react';
import Reconciler from 'react-reconciler';
import { DefaultEventPriority, NoEventPriority } from 'react-reconciler/constants';

type Props = Record<string, unknown>;
export interface HostNode {
  type: string;
  props: Props;
  children: HostChild[];
}
type HostChild = HostNode | { text: string };
type Container = { children: HostChild[] };

const detach = (parent: Container, child: HostChild): void => {
  const at = parent.children.indexOf(child);
  if (at >= 0) parent.children.splice(at, 1);
};
const append = (parent: Container, child: HostChild): void => {
  detach(parent, child);
  parent.children.push(child);
};
const insertBefore = (parent: Container, child: HostChild, before: HostChild): void => {
  detach(parent, child);
  parent.children.splice(parent.children.indexOf(before), 0, child);
};
const noop = (): void => undefined;

let priority: number = NoEventPriority;
const HOST_CONTEXT = {};

// The mutation-mode host config (https://github.com/facebook/react/tree/main/packages/react-reconciler#mutation-methods):
// nodes are created, appended and updated in place; nothing suspends, hydrates or transitions.
const reconciler = Reconciler({
  supportsMutation: true,
  supportsPersistence: false,
  supportsHydration: false,
  isPrimaryRenderer: false,
  rendererVersion: '0',
  rendererPackageName: 'storyboard-test-live-root',
  extraDevToolsConfig: null,
  noTimeout: -1,
  scheduleTimeout: setTimeout,
  cancelTimeout: clearTimeout,
  NotPendingTransition: null,
  // React's own context object carries the internal fields the reconciler's type spells out.
  HostTransitionContext: createContext<null>(null) as unknown as Reconciler.ReactContext<null>,
  createInstance: (type: string, props: Props): HostNode => ({ type, props, children: [] }),
  createTextInstance: (text: string) => ({ text }),
  appendInitialChild: append,
  appendChild: append,
  appendChildToContainer: append,
  insertBefore,
  insertInContainerBefore: insertBefore,
  removeChild: detach,
  removeChildFromContainer: detach,
  commitUpdate: (node: HostNode, _type: string, _old: Props, props: Props) => {
    node.props = props;
  },
  commitTextUpdate: (node: { text: string }, _old: string, text: string) => {
    node.text = text;
  },
  clearContainer: (container: Container) => {
    container.children = [];
  },
  finalizeInitialChildren: () => false,
  shouldSetTextContent: () => false,
  // One context for the whole tree (React wants one, never null; nothing here differs by place).
  getRootHostContext: () => HOST_CONTEXT,
  getChildHostContext: (parent: typeof HOST_CONTEXT) => parent,
  getPublicInstance: (node: HostChild) => node,
  prepareForCommit: () => null,
  resetAfterCommit: noop,
  preparePortalMount: noop,
  getInstanceFromNode: () => null,
  beforeActiveInstanceBlur: noop,
  afterActiveInstanceBlur: noop,
  prepareScopeUpdate: noop,
  getInstanceFromScope: () => null,
  detachDeletedInstance: noop,
  bindToConsole: (method: string, args: unknown[]) =>
    (console[method as 'log'] as (...a: unknown[]) => void).bind(console, ...args),
  setCurrentUpdatePriority: (p: number) => {
    priority = p;
  },
  getCurrentUpdatePriority: () => priority,
  resolveUpdatePriority: () => (priority !== NoEventPriority ? priority : DefaultEventPriority),
  resetFormInstance: noop,
  requestPostPaintCallback: noop,
  shouldAttemptEagerTransition: () => false,
  trackSchedulerEvent: noop,
  resolveEventType: () => null,
  resolveEventTimeStamp: () => -1.1,
  maySuspendCommit: () => false,
  maySuspendCommitOnUpdate: () => false,
  maySuspendCommitInSyncRender: () => false,
  preloadInstance: () => true,
  startSuspendingCommit: noop,
  suspendInstance: noop,
  suspendOnActiveViewTransition: noop,
  waitForCommitToBeReady: () => null,
  getSuspendedCommitReason: () => null,
});

export interface LiveRoot {
  /** Renders `node` in place of what was there, to the end (a parent's re-render). */
  render(node: ReactNode): void;
  /** Runs `change` (a store update) and every render it causes before returning. */
  act(change: () => void): void;
  /** The host node with this `data-testid`, or null. */
  byTestId(testId: string): HostNode | null;
  unmount(): void;
}

function find(children: HostChild[], testId: string): HostNode | null {
  for (const c of children) {
    if (!('type' in c)) continue;
    if (c.props['data-testid'] === testId) return c;
    const inner = find(c.children, testId);
    if (inner) return inner;
  }
  return null;
}

/** A live root showing `node`, rendered synchronously. */
export function liveRoot(node: ReactNode): LiveRoot {
  const container: Container = { children: [] };
  // A render error is the test's failure: kept here, thrown once React has finished the commit.
  const errors: unknown[] = [];
  const keep = (error: unknown): void => void errors.push(error);
  const rethrow = (): void => {
    if (errors.length > 0) throw errors.splice(0)[0];
  };
  const root = reconciler.createContainer(container, 1, null, false, null, '', keep, keep, keep, noop, null);
  const render = (next: ReactNode): void => {
    reconciler.updateContainerSync(next, root, null, null);
    reconciler.flushSyncWork();
    rethrow();
  };
  render(node);
  return {
    render,
    act: (change) => {
      reconciler.flushSyncFromReconciler(change);
      rethrow();
    },
    byTestId: (testId) => find(container.children, testId),
    unmount: () => render(null),
  };
}
