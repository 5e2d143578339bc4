// Starts dynalite (an in-memory DynamoDB-compatible server) on a free loopback port for the functions tests.
// Prints "DYNALITE_PORT=<port>" once it listens; exits when its standard input closes, so it never outlives
// the test JVM that started it, even if that JVM is killed.
'use strict';
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('DYNALITE_PORT=' + server.address().port + '\n');
});
server.on('error', (err) => {
  process.stderr.write('dynalite failed: ' + err.message + '\n');
  process.exit(1);
});
// dynalite throws from a request's 'error' handler, so a client that drops its connection mid-request (a test
// that kills a process while it waits on the table) would take the whole server down for every later test.
// A request aborted by its client is that client's loss alone: note it and keep serving; anything else stops.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.message === 'aborted')) {
    process.stderr.write('dynalite: a client dropped its request (' + (err.code || err.message) + '), still serving\n');
    return;
  }
  process.stderr.write('dynalite failed: ' + (err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
