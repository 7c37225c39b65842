/**
 * A minimal TCP load balancer for fault tests: each new connection goes to the first backend that
 * accepts it, so when an instance stops listening its clients land on the next one.
 */
import net from "node:net";

export type Balancer = { port: number; close: () => Promise<void> };

export function startBalancer(backends: number[]): Promise<Balancer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    client.pause();
    const tryBackend = (i: number) => {
      if (i >= backends.length) return client.destroy();
      const upstream = net.connect(backends[i]!, "127.0.0.1");
      upstream.once("error", () => tryBackend(i + 1));
      upstream.once("connect", () => {
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        sockets.add(upstream);
        upstream.on("close", () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}
