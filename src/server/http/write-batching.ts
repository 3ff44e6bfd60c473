import type { FastifyInstance } from 'fastify';

/**
 * Holds each answer to a read (GET, HEAD) until the event loop has handled all the requests that arrived with it,
 * then sends them one after another (in the loop's check phase, via `setImmediate`).
 *
 * Why: sending a response wakes the process waiting for it (a reverse proxy on the same host, a load balancer's
 * agent, a benchmark client). When that process sleeps, the kernel wakes it in the send, and on a virtual machine
 * that wake-up is expensive: measured on a 2-vCPU VM, a loopback send cost ~10 µs when the client was busy and
 * ~28 µs when each response had to wake it. Sent together, the first response of a batch wakes the client and the
 * rest find it awake (~10 µs each again). A response waits at most until the requests read in the same pass are
 * handled; an idle server answers in the same pass of the loop as before.
 *
 * Only reads are held. Writes that go through the group commit (db/group-commit.ts) are answered together
 * already, from the commit's own `setImmediate`; holding them too would push them into the next pass of the loop,
 * behind the requests read meanwhile (measured: case creation ~8 % slower).
 */
export function batchResponseWrites(app: FastifyInstance): void {
  let waiting: Array<() => void> = [];
  const sendAll = () => {
    const batch = waiting;
    waiting = [];
    for (const send of batch) send();
  };
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done(null, payload);
    if (waiting.length === 0) setImmediate(sendAll);
    waiting.push(() => done(null, payload));
  });
}
