// The bench's fake council Open311 server, in its own process so that it does not share an event loop
// with the load generator. Answers its endpoint, then the number of cases on request (IPC).
import { startUpstream } from '../relay/test/fake-upstream.mjs';

const upstream = await startUpstream();
process.send({ endpoint: upstream.endpoint });
process.on('message', (message) => {
  if (message === 'cases') process.send({ cases: upstream.state.cases.length });
  if (message === 'reset') upstream.state.cases.length = upstream.state.seen.length = 0;
  if (message === 'stop') void upstream.close().then(() => process.exit(0));
});
