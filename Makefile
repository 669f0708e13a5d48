# Uni-Wizard Mesh developer shortcuts. Local run/stop: see ./mesh and docs/operations.md.
# Use $JAVA_HOME when it is JDK 21 or newer, else the machine's Temurin 25 (release 21 does not build on JDK 17).
JDK25 := /usr/lib/jvm/temurin-25-jdk-amd64
JAVA_HOME := $(shell if [ -n "$$JAVA_HOME" ] && "$$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$$JAVA_HOME"; else echo "$(JDK25)"; fi)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN := ./mvnw -B

.PHONY: test test-tools build format up down status bench-memory

test: test-tools ## unit + integration tests (needs NATS and PostgreSQL, see .ci/run)
	$(MVN) verify

# The tools the tests run besides the JDK: chromium and promtool (installed with apt-get when missing and root).
test-tools:
	scripts/test-tools

build:
	$(MVN) -DskipTests package

# Appends 100k messages and times searches against the local PostgreSQL; see docs/benchmarks.md. ARGS="--messages 10000"
bench-memory:
	$(MVN) -q -DskipTests install -pl benchmarks -am
	$(MVN) -q -pl benchmarks exec:java -Dexec.args="$(ARGS)"

format:
	./mvnw spotless:apply

up down status:
	./mesh $@
