# openday - build, test and run. See README.md.
# Every target that needs packages depends on `deps`, which installs what is
# missing from Debian (sudo when not root) and does nothing when all is there.

CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS     := sdl2 SDL2_ttf SDL2_image libcjson libunibreak fontconfig libsystemd libpng espeak-ng libdrm \
            libqrencode
# libhyphen ships no pkg-config file: its one library, by name.
HYPHEN_LIBS := -lhyphen
TEST_PKGS := cmocka
# make test SAN=1: AddressSanitizer + UndefinedBehaviorSanitizer (with
# LeakSanitizer) on everything, built apart in build/san.
SAN      ?=
ifeq ($(SAN),1)
BUILD    ?= build/san
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
export ASAN_OPTIONS := detect_leaks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/helpers/lsan.supp:print_suppressions=0
export OPENDAY_SAN := 1
endif
BUILD    ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

DEB_PKGS := make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev \
            libcjson-dev libfontconfig-dev libcmocka-dev libsystemd-dev libpng-dev libdrm-dev fonts-inter \
            fonts-dejavu-core python3-jsonschema faketime \
            libunibreak-dev libhyphen-dev hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr \
            fonts-symbola libespeak-ng-dev espeak-ng-data libqrencode-dev zbar-tools

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wpointer-arith -Wformat=2 -Wswitch-default -Wvla
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 $(WARN) \
            -DOPENDAY_VERSION='"$(VERSION)"' $(SAN_FLAGS)
# Package headers are system headers: their warnings are not ours to fix.
PKG_CFLAGS = $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null))
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)
LDLIBS   += -lm

# The layers, in the order data flows (docs/architecture.md). A layer sees
# its own headers and those of the layers before it, nothing after: the
# compiler, not a convention, keeps content from reaching into the UI or the
# UI into the platform. The UI is three layers, one folder each: the toolkit
# (the box builder, the text engine, the scene and the view's vocabulary),
# the screens (the screen table and one file per screen) and the frame (the
# dispatcher, the overlays and the accounts of a frame); so a toolkit file
# that calls a screen, or a screen that calls the frame, does not compile.
# tests/e2e/quick/check_layers.sh reads this order to check the calls between the
# object files as well. The pure layers are compiled without SDL's include
# flags (only cJSON's, libunibreak's and libqrencode's: line breaking and QR
# matrices are computation, no I/O), so a stray SDL include does not build.
LAYERS      := base content ui/toolkit ui/screens ui/frame core platform
PURE_LAYERS := base content ui/toolkit ui/screens ui/frame core
PURE_PKGS   := libcjson libunibreak libqrencode
PURE_CFLAGS  = $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(PURE_PKGS) 2>/dev/null))
# -iquote: the project's headers are found for #include "..." only, so a
# header of ours never shadows a system one of the same name (src/platform's
# drm.h and libdrm's <drm.h>, which xf86drm.h includes).
INC_base         := -iquote src/base
INC_content      := $(INC_base) -iquote src/content
INC_ui/toolkit   := $(INC_content) -iquote src/ui/toolkit
INC_ui/screens   := $(INC_ui/toolkit) -iquote src/ui/screens
INC_ui/frame     := $(INC_ui/screens) -iquote src/ui/frame
INC_core         := $(INC_ui/frame) -iquote src/core
INC_platform     := $(INC_core) -iquote src/platform
INC_ALL          := $(INC_platform)
HEADERS  := $(wildcard $(LAYERS:%=src/%/*.h))
# Each compile writes the headers it read into a .d file beside its output
# (-MMD), with an empty rule per header (-MP) so a deleted header does not
# stop the build: touching a header rebuilds only what includes it.
DEPFLAGS := -MMD -MP

SRC      := $(filter-out src/platform/main.c,$(wildcard $(LAYERS:%=src/%/*.c)))
OBJ      := $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/libopenday.a
BIN      := $(BUILD)/openday
# The unit programs (tests/README.md): one per source in tests/unit, built
# with the test helpers' headers on the include path.
TESTS_SRC := $(wildcard tests/unit/test_*.c)
TESTS    := $(TESTS_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_INC := -Itests/helpers
RUN_ARGS ?= --windowed 1280x800

.PHONY: all deps run test test-long test-ansible golden screenshots install uninstall clean check-content \
        fuzz memcheck

all: $(BIN)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# One rule per layer: the layer's include path, and SDL's flags only for
# the platform.
define layer_rule
$$(BUILD)/obj/$(1)/%.o: src/$(1)/%.c $$(BUILD)/obj/$(1)/%.d
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(DEPFLAGS) $$(INC_$(1)) $(2) -c $$< -o $$@
endef
$(foreach l,$(PURE_LAYERS),$(eval $(call layer_rule,$(l),$$(PURE_CFLAGS))))
$(eval $(call layer_rule,platform,$$(PKG_CFLAGS)))

$(LIB): $(OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN): src/platform/main.c $(LIB)
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_ALL) $(PKG_CFLAGS) src/platform/main.c $(LIB) -o $@ $(PKG_LIBS) $(HYPHEN_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_ALL) $(TEST_INC) $(PKG_CFLAGS) $(TEST_CFLAGS) $< $(LIB) -o $@ \
	  $(TEST_LIBS) $(PKG_LIBS) $(HYPHEN_LIBS) $(LDLIBS)

$(BUILD)/tests:
	mkdir -p $@

run: deps
	$(MAKE) all
	$(BIN) $(RUN_ARGS)

# The tests, headless, in two tiers (tests/README.md says which folder is in
# which; tests/run.sh runs them; docs/testing.md). `make test` is the quick
# tier: every unit, golden, replay, content and command-line test and a
# smoke of each long check, in about a minute and a half. `make test-long`
# is only the rest: the long variants
# (a week of simulated soak, real-time soak, long fuzzing, the whole hostile,
# fault and package checks). Each prints the closing "N passed, N failed".
TEST_ENV := SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
test: deps
	$(MAKE) all $(TESTS)
	$(TEST_ENV) sh tests/run.sh $(BUILD) quick

test-long: deps
	$(MAKE) all $(TESTS)
	$(TEST_ENV) sh tests/run.sh $(BUILD) long

# The fleet roll-out (deploy/ansible) played against this machine under a
# temporary root. Ansible is installed here only, not by `make deps`: a
# kiosk and `make run` never need it.
ANSIBLE_PKGS := ansible-core ansible-lint
test-ansible: deps
	@missing=""; for p in $(ANSIBLE_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	$(MAKE) all
	sh tests/e2e/standalone/fleet_ansible.sh $(BUILD)

# Regenerate the reviewed golden images under tests/golden/ (review the diff!).
golden: deps
	$(MAKE) $(BUILD)/tests/test_golden
	mkdir -p tests/golden
	OPENDAY_GOLDEN_UPDATE=1 SDL_VIDEODRIVER=dummy $(BUILD)/tests/test_golden

# The README screenshots, rendered by the app itself.
screenshots: deps
	$(MAKE) all
	SDL_VIDEODRIVER=dummy sh tests/tools/screenshots.sh $(BIN) assets/screenshots

# The full visitor tour under valgrind's memcheck, drawing every frame: any
# invalid access, or a leak of our own, fails.
memcheck: deps
	@command -v valgrind >/dev/null || { \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends valgrind; }
	$(MAKE) all
	SDL_VIDEODRIVER=dummy sh tests/e2e/standalone/memcheck.sh $(BUILD)

# The content fuzzer (clang + libFuzzer, ASan, UBSan); FUZZ_SECONDS=N to bound it.
FUZZ_SECONDS ?= 600
fuzz: deps
	sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS)

check-content: all
	$(BIN) --check content

install: all
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/openday
	mkdir -p $(DESTDIR)$(PREFIX)/share/openday/content
	cp content/*.json content/README.md $(DESTDIR)$(PREFIX)/share/openday/content/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/openday
	rm -rf $(DESTDIR)$(PREFIX)/share/openday

clean:
	rm -rf $(BUILD)

# The headers each object, the app and each test program were built from.
# An object whose .d is missing (built before it had one) is built again:
# without its list, make could not know which headers it read.
$(BUILD)/obj/%.d: ;
.PRECIOUS: $(BUILD)/obj/%.d
# The other .d files are made only by their compile, never on their own.
$(BUILD)/tests/%.d: ;
$(BIN).d: ;
# A .d file names the source it was built from; when a source moves (a
# test into tests/unit), the old name must not stop the build: the rule that
# builds the output names the source it really has.
src/%.c tests/%.c: ;
-include $(OBJ:.o=.d) $(BIN).d $(TESTS:=.d)

# Deployment targets (deb, cross builds) live beside the files they build.
-include $(wildcard deploy/*.mk)
-include tests/bench/bench.mk
