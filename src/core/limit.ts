/**
 * The concurrency cap in front of urql: at most `concurrency` tasks in
 * flight, the rest started in arrival order. Written here rather than taken
 * from p-limit because it sits in every bundle, `createStashCore`'s included,
 * and p-limit with its queue package cost ≈ 0.6 KB of the 12 KB budget.
 */

/** Runs `task` once a place is free; settles as the task does. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** A cap of `concurrency` tasks at once (`Infinity` for none). */
export function createLimit(concurrency: number): Limit {
  let active = 0;
  // Read from `head` rather than shift(): shift copies the array, which is quadratic under a long backlog.
  let queue: (() => void)[] = [];
  let head = 0;
  const startNext = (): void => {
    if (active < concurrency && head < queue.length) {
      active += 1;
      const start = queue[head++]!;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            startNext();
          });
      });
      startNext();
    });
}
