import http from 'node:http';
import autocannon from 'autocannon';

const s = http
  .createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      console.log(req.headers['content-length'], b.length, b.slice(0, 80));
      res.end('ok');
    });
  })
  .listen(0, async () => {
    const r = await autocannon({
      url: `http://127.0.0.1:${s.address().port}/x`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'a [<id>]' }),
      idReplacement: true,
      amount: 3,
      connections: 1,
    });
    console.log(r.requests.total, r.non2xx, r.errors);
    s.close();
  });
