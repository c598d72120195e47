/**
 * One timer for every widget on the page. Polls and minute ticks are tasks with a due time; a single
 * setTimeout waits for the earliest. Nothing runs while the page is hidden; when it is shown again,
 * listeners (feed sources) decide whether to refresh once.
 */
import { reportBug } from './bug.js';

interface Task {
  due: number;
  run: () => void;
}

const tasks = new Set<Task>();
const shownListeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** Counts the timers set: a timer that was replaced (or cleared by another clock) never fires tasks. */
let armed = 0;
let listening = false;

export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.hidden;
}

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    if (!pageHidden()) for (const listener of [...shownListeners]) listener();
    arm();
  });
}

function fire(due: number): void {
  timer = undefined;
  // The timer is trusted: when it fires, its task is due, even if the wall clock was set back meanwhile.
  const now = Math.max(Date.now(), due);
  for (const task of [...tasks]) {
    if (task.due <= now && tasks.delete(task)) {
      try {
        task.run();
      } catch (error) {
        reportBug(error); // one task's bug never stops the others
      }
    }
  }
  arm();
}

function arm(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const id = ++armed;
  if (!tasks.size || pageHidden()) return;
  let due = Infinity;
  for (const task of tasks) due = Math.min(due, task.due);
  timer = setTimeout(() => id === armed && fire(due), Math.max(0, due - Date.now()));
}

/** Runs `run` after `delay` ms of visible time; returns a function that cancels it. */
export function schedule(delay: number, run: () => void): () => void {
  listen();
  const task: Task = { due: Date.now() + delay, run };
  tasks.add(task);
  arm();
  return () => {
    if (tasks.delete(task)) arm();
  };
}

/** Calls `listener` each time the page becomes visible; returns a function that stops it. */
export function onPageShown(listener: () => void): () => void {
  listen();
  shownListeners.add(listener);
  return () => shownListeners.delete(listener);
}

/** How many tasks are waiting (for tests and the memory benchmark). */
export function pendingTasks(): number {
  return tasks.size;
}
