// Runs several async generators at once (up to `concurrency`) and yields their items as they come,
// so regions and query streams overlap their network waits. The consumer's pace bounds memory:
// each producer holds at most one item until it is taken.
export async function* mergeGenerators<T>(producers: Array<() => AsyncGenerator<T>>, concurrency: number): AsyncGenerator<T> {
  const queue = [...producers];
  const running = new Map<number, { it: AsyncGenerator<T>; next: Promise<{ id: number; r: IteratorResult<T> }> }>();
  let ids = 0;
  const start = () => {
    while (running.size < concurrency && queue.length > 0) {
      const it = (queue.shift() as () => AsyncGenerator<T>)();
      const id = ids++;
      running.set(id, { it, next: it.next().then((r) => ({ id, r })) });
    }
  };
  start();
  try {
    while (running.size > 0) {
      const { id, r } = await Promise.race([...running.values()].map((x) => x.next));
      const entry = running.get(id) as { it: AsyncGenerator<T>; next: Promise<{ id: number; r: IteratorResult<T> }> };
      if (r.done) {
        running.delete(id);
        start();
        continue;
      }
      entry.next = entry.it.next().then((x) => ({ id, r: x }));
      yield r.value;
    }
  } finally {
    for (const { it } of running.values()) await it.return(undefined).catch(() => undefined);
  }
}
