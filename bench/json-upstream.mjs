// A stand-in GraphQL upstream for the throughput bench: answers every request at once with a small
// fixed JSON body, so the figure measures the proxy in front of it, not a GraphQL engine. Run as a
// child process; prints its port.

import { createServer } from "node:http";

const BODY = JSON.stringify({
  data: { user: { username: "kana", displayName: "Kana", favorites: { count: 12 } } },
});

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(BODY) });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("disconnect", () => process.exit(0));
