import { setupServer } from "msw/node";

/** Tests add their own gateway and GraphQL handlers with `server.use(...)`. */
export const server = setupServer();
