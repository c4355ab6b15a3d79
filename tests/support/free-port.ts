import net from "node:net";

/** Binds 127.0.0.1:`port` (0: any) and lets it go again: the port bound, or undefined if it was taken. */
function tryPort(port: number): Promise<number | undefined> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(undefined));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A TCP port on 127.0.0.1 that nothing listens on: any the system picks, or with `range` the first
 * free one in it, skipping `taken` (the benchmark keeps to a range of its own).
 */
export async function freePort({ range, taken = [] }: { range?: readonly [number, number]; taken?: readonly number[] } = {}): Promise<number> {
  if (!range) {
    const port = await tryPort(0);
    if (port === undefined) throw new Error("no free port on 127.0.0.1");
    return port;
  }
  for (let port = range[0]; port <= range[1]; port += 1) {
    if (taken.includes(port)) continue;
    if ((await tryPort(port)) !== undefined) return port;
  }
  throw new Error(`no free port in ${range[0]}-${range[1]}`);
}
