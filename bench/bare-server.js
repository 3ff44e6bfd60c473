// The baseline for the benchmark: a bare Fastify 5 server with one GET and one POST route, logger off.
// Usage: PORT=3001 node bench/bare-server.js
import Fastify from 'fastify';

const app = Fastify({ logger: false });

app.get('/hello', async () => ({ hello: 'world' }));
app.post('/echo', async (request) => request.body);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port: Number(process.env.PORT || 3001), host: '127.0.0.1' });
