# The two set-up commands (README): `make run` and `make test`. Both install what they need.
SWIFT ?= swift

.PHONY: run test bench build clean

run:
	scripts/ensure-debian-packages.sh zlib1g-dev libxml2-dev libpango1.0-dev libcairo2-dev libcurl4-openssl-dev fonts-dejavu-core
	$(SWIFT) build --product betalt
	.build/debug/betalt demo --if-empty
	.build/debug/betalt serve

test:
	scripts/test.sh

bench:
	scripts/bench.sh

build:
	$(SWIFT) build

clean:
	rm -rf .build
