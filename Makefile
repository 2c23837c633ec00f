# The two commands: `make run` and `make test` (see README.md).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
DATA ?= data
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps web build run test unit bench format clean

all: build

deps:
	scripts/install-deps.sh

web: deps
	node scripts/build-web.mjs

build: deps web
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j$(JOBS)

# Demo trials: the real ClinicalTrials.gov records beside the repository, if present.
DEMO_TRIALS ?= ../shared/data/trials

run: build
	$(BUILD_DIR)/cairn import-content --data $(DATA) --content content
	if [ -d $(DEMO_TRIALS) ]; then $(BUILD_DIR)/cairn import-trials --data $(DATA) $(DEMO_TRIALS); fi
	$(BUILD_DIR)/cairn serve --data $(DATA) --content content --listen $(LISTEN)

# Unit, HTTP and browser tests: all registered with CTest.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j2 --timeout 900

bench: build
	bench/pages/run.sh
	if [ -x bench/search/run.sh ]; then bench/search/run.sh; fi
	if [ -x bench/trials/run.sh ]; then bench/trials/run.sh; fi

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD_DIR)
