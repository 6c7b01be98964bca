# tests/bench/bench.mk - `make bench`: openday against a Chromium kiosk on the
# same content, headless. Included by the Makefile (-include); on its own:
#   make -f Makefile -f tests/bench/bench.mk bench
# The table is printed and written as JSON to $(BUILD)/bench.json. See
# tests/bench/bench.sh for what is measured and how.
#
#   make bench-deps            what the benchmark needs (BENCH_PKGS)
#   make bench-chromium-deps   Debian's chromium, the optional peer (a few
#                              hundred MB); without it the table has openday's
#                              figures alone
#   make bench BENCH_RUNS=9    more runs per median (default 5)

ifndef OPENDAY_BENCH_MK
OPENDAY_BENCH_MK := tests/bench/bench.mk

# valgrind: callgrind's instruction counts.
BENCH_PKGS    := valgrind
BENCH_RUNS    ?= 5
BENCH_CONTENT := $(BUILD)/bench_content
BENCH_RUN     := $(BUILD)/bench_run

.PHONY: bench bench-deps bench-chromium-deps

# Like `deps`: install what is missing, with sudo when not root, waiting for
# another apt to let go of the lock rather than failing.
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

$(BENCH_CONTENT): tests/bench/bench_content.c $(LIB)
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_ALL) $(PKG_CFLAGS) $< $(LIB) -o $@ $(PKG_LIBS) $(HYPHEN_LIBS) $(LDLIBS)

$(BENCH_RUN): tests/bench/bench_run.c | $(BUILD)/obj
	$(CC) $(CFLAGS) $< -o $@

# Packages first, then the build (a sub-make, so that pkg-config sees them).
bench: deps bench-deps
	$(MAKE) -f Makefile -f $(OPENDAY_BENCH_MK) all $(BENCH_CONTENT) $(BENCH_RUN)
	BENCH_RUNS=$(BENCH_RUNS) sh tests/bench/bench.sh $(BUILD)

-include $(BENCH_CONTENT).d

endif
