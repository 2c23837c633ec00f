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

run: build
	$(BUILD_DIR)/cairn import-content --data $(DATA) --content content
	$(BUILD_DIR)/cairn serve --data $(DATA) --content content --listen $(LISTEN)

# Unit, HTTP and browser tests: all registered with CTest.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j2 --timeout 900

bench: build
	bench/pages/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD_DIR)
