#!/usr/bin/env node
// Waits until the broker answers a real Kafka request (a metadata round trip
// through kafkajs, the client the services use), not merely until the port is
// open: a KRaft broker accepts connections a while before it can serve them.
// Usage: node wait-for-broker.js <host:port> <timeout-seconds> [broker-pid]
'use strict';

const [brokerAddress = '127.0.0.1:9092', timeoutArg = '60', pidArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg) * 1000;
const pid = pidArg ? Number(pidArg) : null;

const isAlive = (p) => {
  try {
    process.kill(p, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function probeOnce(Kafka, logLevel) {
  const kafka = new Kafka({
    clientId: 'kafka-sh-probe',
    brokers: [brokerAddress],
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main() {
  let kafkajs;
  try {
    kafkajs = require('kafkajs');
  } catch {
    console.error('kafkajs is not installed (run npm ci at the repository root)');
    process.exit(2);
  }
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (pid !== null && !isAlive(pid)) {
      console.error(`the broker process ${pid} exited before answering`);
      process.exit(1);
    }
    try {
      if (await probeOnce(kafkajs.Kafka, kafkajs.logLevel)) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  console.error(`no answer from ${brokerAddress} within ${timeoutArg}s (last error: ${lastError})`);
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
