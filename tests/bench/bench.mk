# tests/bench/bench.mk - `make bench`: openday against a Chromium kiosk on the
# same content, headless. Included from the Makefile (-include); standalone:
#   make -f Makefile -f tests/bench/bench.mk bench
# The table is printed and written as JSON to $(BUILD)/bench.json.
#
#   make bench-deps            the packages the benchmark needs (below)
#   make bench-chromium-deps   Debian's chromium, the optional peer (~300 MB)
#   make bench BENCH_RUNS=9    more runs per median (default 5)

BENCH_PKGS   := time valgrind
BENCH_RUNS   ?= 5
BENCH_CONTENT := $(BUILD)/bench_content

.PHONY: bench bench-deps bench-chromium-deps

# The same shape as `deps`: install what is missing, sudo when not root, wait
# for another apt to finish rather than fail.
bench-deps bench-chromium-deps:
	@pkgs="$(if $(filter bench-chromium-deps,$@),chromium,$(BENCH_PKGS))"; missing=""; \
	for p in $$pkgs; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make $@: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	    --no-install-recommends $$missing; \
	fi

$(BENCH_CONTENT): tests/bench/bench_content.c $(LIB) $(wildcard src/*.h tests/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS) -Isrc -Itests $(PKG_CFLAGS) $< $(LIB) -o $@ $(PKG_LIBS) $(LDLIBS)

bench: deps bench-deps
	$(MAKE) all $(BENCH_CONTENT)
	BENCH_RUNS=$(BENCH_RUNS) sh tests/bench/bench.sh $(BUILD)
