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
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
