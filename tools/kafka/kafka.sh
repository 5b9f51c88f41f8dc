#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft, no ZooKeeper) for the local stack and
# the integration tests, run from Apache Kafka's jars on Maven Central: the
# machines have Java 17 and Maven but no Docker engine.
#
#   kafka.sh fetch    copy the broker jars into lib/ (skipped when present)
#   kafka.sh start    fetch if needed, format storage once, start, wait until it answers
#   kafka.sh stop     stop the broker started by this script
#   kafka.sh status   exit 0 when the broker runs and answers
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
# KAFKA_HEAP_OPTS (-Xms256m -Xmx1g), KAFKA_START_TIMEOUT seconds (60).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$HERE/lib"
RUN="$HERE/run"
DATA="$RUN/data"
PID_FILE="$RUN/kafka.pid"
LOG_FILE="$RUN/kafka.log"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
BROKER="127.0.0.1:$PORT"

say() { printf 'kafka: %s\n' "$*"; }
die() { printf 'kafka: %s\n' "$*" >&2; exit 1; }

# lib/ is complete only when the marker matches the pom it was fetched for.
pom_digest() { sha256sum "$HERE/pom.xml" | cut -d' ' -f1; }
fetched() { [[ -f "$LIB/.fetched" && "$(cat "$LIB/.fetched")" == "$(pom_digest)" ]]; }

fetch() {
  if fetched; then
    say "jars already in $LIB"
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is required to fetch the broker jars"
  local scratch="$HERE/lib.partial"
  rm -rf "$scratch"
  say "fetching Apache Kafka jars from Maven Central ..."
  local started=$SECONDS
  # Batch mode and no transfer progress keep CI logs short; a scratch folder
  # renamed at the end means an interrupted fetch never leaves a half-full lib/.
  # Maven's output goes to a file: it is only worth reading when the fetch fails.
  mkdir -p "$RUN"
  mvn -B -ntp -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies "-Dkafka.lib.dir=$scratch" \
    >"$RUN/fetch.log" 2>&1 || { tail -n 40 "$RUN/fetch.log" >&2; die "fetch failed; see $RUN/fetch.log"; }
  pom_digest >"$scratch/.fetched"
  rm -rf "$LIB"
  mv "$scratch" "$LIB"
  say "fetched $(find "$LIB" -name '*.jar' | wc -l) jars in $((SECONDS - started))s"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  # A stale pid file may name a pid the system has since given to another process.
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  return 1
}

write_config() {
  mkdir -p "$DATA"
  cat >"$RUN/server.properties" <<EOF
# Written by kafka.sh start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=true
delete.topic.enable=true
# One node: every internal topic has one replica and needs one in sync.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
min.insync.replicas=1
default.replication.factor=1
# Tests start and stop consumer groups all the time; do not wait 3 s for joiners.
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  cat >"$RUN/log4j.properties" <<EOF
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
# Keep the line that says the broker is up.
log4j.logger.kafka.server.KafkaRaftServer=INFO
EOF
}

java_cmd() {
  # HEAP_OPTS is a list of JVM options on purpose, hence split on spaces.
  # shellcheck disable=SC2206
  JAVA=(java $HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$RUN/log4j.properties" "-Dkafka.logs.dir=$RUN"
    -cp "$LIB/*")
}

format_storage() {
  [[ -f "$DATA/meta.properties" ]] && return 0
  local cluster_id
  java_cmd
  cluster_id="$("${JAVA[@]}" kafka.tools.StorageTool random-uuid | tail -n1)"
  say "formatting storage (cluster id $cluster_id)"
  "${JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$RUN/server.properties" >"$RUN/format.log" 2>&1 ||
    { cat "$RUN/format.log" >&2; die "storage format failed"; }
}

wait_until_answering() {
  local pid="$1"
  node "$HERE/wait-for-broker.js" "$BROKER" "$START_TIMEOUT" "$pid" || {
    printf -- '--- last lines of %s ---\n' "$LOG_FILE" >&2
    tail -n 30 "$LOG_FILE" >&2 || true
    return 1
  }
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on $BROKER"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_taken "$PORT"; then
    # Another checkout's broker, or something else: either way ours could not bind.
    node "$HERE/wait-for-broker.js" "$BROKER" 5 2>/dev/null ||
      die "port $PORT is taken by something that is not a Kafka broker"
    say "a broker not started from here already answers on $BROKER; using it"
    return 0
  fi
  command -v java >/dev/null || die "Java 17 is required"
  command -v node >/dev/null || die "Node.js is required (the readiness probe uses kafkajs)"
  fetch
  mkdir -p "$RUN"
  write_config
  format_storage
  local started=$SECONDS
  # setsid: the broker outlives the shell (and the test run) that started it;
  # the child writes its own pid, so the pid file names the JVM itself.
  java_cmd
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${JAVA[@]}" kafka.Kafka "$RUN/server.properties" \
    >"$LOG_FILE" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "the broker did not start; see $LOG_FILE"
  if ! wait_until_answering "$pid" || ! kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    die "the broker did not answer on $BROKER within ${START_TIMEOUT}s"
  fi
  say "started (pid $pid) on $BROKER in $((SECONDS - started))s; log: $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  kill "$pid"
  # A controlled shutdown flushes logs and checkpoints; give it time before forcing.
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30s; killing"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if node "$HERE/wait-for-broker.js" "$BROKER" 5 "$pid" 2>/dev/null; then
      say "running (pid $pid) and answering on $BROKER"
      return 0
    fi
    say "running (pid $pid) but not answering on $BROKER"
    return 1
  fi
  say "not running"
  return 1
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
