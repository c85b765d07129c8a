// The server under abuse, in a process of its own so that its memory and sockets can be read from
// /proc without the test's own buffers in the count. Options come as JSON in argv[2]; the URL goes to
// stdout as one JSON line. It exits with its parent, whatever happens to the test.
import { startServer } from "../serve.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const server = await startServer({ ...options, port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
process.on("disconnect", () => process.exit(0));
