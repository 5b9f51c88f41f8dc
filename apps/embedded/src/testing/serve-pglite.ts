import { openEmbeddedDatabase } from '../embedded-database';

// PGlite loads parts of itself with dynamic import(), which jest's sandbox refuses:
// tests reach it in a process of its own, through the same socket the services use.
const main = async () => {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: serve-pglite <data folder>');
  const database = await openEmbeddedDatabase({ dataDir });
  process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);
  const stop = () => void database.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: Error) => {
  process.stderr.write(`serve-pglite: ${error.message}\n`);
  process.exit(1);
});
