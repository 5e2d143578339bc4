# sam build: every function in template.yaml says BuildMethod: makefile with CodeUri ".", so sam build copies this
# directory to a scratch folder and runs "make build-<FunctionLogicalId>" there, with ARTIFACTS_DIR set to that
# function's output (what sam deploy zips and uploads). Lambda's Java runtime puts /var/task and every
# /var/task/lib/*.jar on the class path, so the shaded jar (the code, its dependencies and the knowledge index
# built from knowledge/) goes to lib/, and the index also as files beside it (see lay-out). Needs JDK 25 (JAVA_HOME); Maven comes with the wrapper.
#
# "clean": the scratch copy does not keep file times in order, so an incremental build could trust stale classes.
# Tests are not run here; ./mvnw verify (CI) runs them before a deploy.

MVN ?= ./mvnw
JAR := functions/target/citizen-qa-functions.jar
JAR_TOOL ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/jar,jar)

.PHONY: build-WebhookFunction build-WorkerFunction build-OfficerApiFunction build-QueueWatchFunction lay-out

build-WebhookFunction build-WorkerFunction build-OfficerApiFunction build-QueueWatchFunction:
	$(MVN) -q -B -DskipTests -pl functions -am clean package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"
	cd "$(ARTIFACTS_DIR)" && "$(JAR_TOOL)" xf lib/$(notdir $(JAR)) citizenqa/index

# The same layout from a jar already built (the bench's lambda-cold): the jar in lib/, and the index beside it as files (extracted from that same jar), which
# the functions open where they lie on Lambda's disk (/var/task/citizenqa/index) instead of copying them into the heap.
lay-out:
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"
	cd "$(ARTIFACTS_DIR)" && "$(JAR_TOOL)" xf lib/$(notdir $(JAR)) citizenqa/index
