# Uni-Wizard Mesh developer shortcuts. Local run/stop: see ./mesh and docs/operations.md.
JAVA_HOME ?= /usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN := ./mvnw -B

.PHONY: test build format up down status

test: ## unit + integration tests (needs NATS and PostgreSQL, see .ci/run)
	$(MVN) verify

build:
	$(MVN) -DskipTests package

format:
	./mvnw spotless:apply

up down status:
	./mesh $@
