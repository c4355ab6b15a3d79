import net from "node:net";

export type ProxyMode = "pass" | "refuse" | "blackhole";

/**
 * A TCP proxy in front of PostgreSQL that tests can cut, to cause a real outage: "refuse" resets
 * every connection, "blackhole" accepts connections and never answers (a stalled network).
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = "pass";
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "refuse") return void client.resetAndDestroy();
    if (mode === "blackhole") return;
    const upstream = net.connect(target.port, target.host);
    open.add(upstream);
    upstream.on("close", () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    setMode(next: ProxyMode) {
      mode = next;
      if (next !== "pass") for (const socket of open) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
