# deploy/cross.mk - builds for both Raspberry Pi OS architectures on a Debian
# amd64 machine, and the whole test suite run under qemu-user.
#
#   make cross ARCH=arm64|armhf        app and test programs in build/ARCH
#   make test-cross ARCH=arm64|armhf   tests/run.sh under qemu-user, headless
#   make deps-cross ARCH=arm64|armhf   install what is missing (cross gcc,
#                                      ARCH -dev packages, qemu-user)
#
# Nothing is compiled here: the main Makefile is run again with the cross
# compiler, the cross pkg-config and its own BUILD directory. The target
# libraries are Debian's multiarch packages (dpkg --add-architecture), so the
# foreign loader and libraries live in /usr/lib/TRIPLET and qemu needs no -L.

CROSS_TRIPLET_arm64 := aarch64-linux-gnu
CROSS_TRIPLET_armhf := arm-linux-gnueabihf
CROSS_QEMU_arm64    := qemu-aarch64
CROSS_QEMU_armhf    := qemu-arm

CROSS_TRIPLET = $(CROSS_TRIPLET_$(ARCH))
CROSS_BUILD   = build/$(ARCH)
CROSS_EXEC    = $(CROSS_QEMU_$(ARCH))
CROSS_VARS    = CC=$(CROSS_TRIPLET)-gcc PKG_CONFIG=$(CROSS_TRIPLET)-pkg-config \
                BUILD=$(CROSS_BUILD)

# Host tools, then the target's libraries: every lib*-dev the native build
# installs (DEB_PKGS in the Makefile), for ARCH, plus pkgconf:ARCH, which
# provides TRIPLET-pkg-config. Fonts and fontconfig's configuration are
# architecture-independent and come from the native `deps`.
CROSS_HOST_PKGS   = crossbuild-essential-$(ARCH) qemu-user
CROSS_TARGET_PKGS = $(addsuffix :$(ARCH),$(filter lib%-dev,$(DEB_PKGS)) pkgconf)
CROSS_APT = $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600

# Stops make with a clear message unless ARCH is one we know.
cross_arch_ok = $(if $(CROSS_TRIPLET),,$(error ARCH must be arm64 or armhf, e.g. make cross ARCH=arm64))

.PHONY: cross test-cross deps-cross clean-cross

deps-cross:
	$(cross_arch_ok)
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; update=0; \
	if ! { dpkg --print-architecture; dpkg --print-foreign-architectures; } | grep -qx '$(ARCH)'; then \
	  echo "make deps-cross: adding architecture $(ARCH)"; \
	  n=0; until $$SUDO dpkg --add-architecture $(ARCH); do \
	    n=$$((n + 1)); [ $$n -lt 60 ] || exit 1; sleep 10; done; \
	  update=1; \
	fi; \
	ls /var/lib/apt/lists/*_binary-$(ARCH)_Packages* >/dev/null 2>&1 || update=1; \
	missing=""; for p in $(CROSS_HOST_PKGS) $(CROSS_TARGET_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	[ -n "$$missing" ] || exit 0; \
	echo "make deps-cross: installing$$missing"; \
	if [ $$update = 1 ]; then $(CROSS_APT) update -qq || exit 1; fi; \
	get() { $(CROSS_APT) install -y -qq --no-install-recommends --no-remove $$missing; }; \
	get || { [ $$update = 0 ] && $(CROSS_APT) update -qq && get; }

cross: deps-cross
	$(cross_arch_ok)
	$(MAKE) $(CROSS_VARS) all $(TESTS_SRC:tests/%.c=$(CROSS_BUILD)/tests/%)

# The Makefile's own `test` target, with every program started through qemu
# (see the OPENDAY_EXEC convention at the top of tests/run.sh).
test-cross: cross
	OPENDAY_EXEC='$(CROSS_EXEC)' $(MAKE) $(CROSS_VARS) test

clean-cross:
	$(cross_arch_ok)
	rm -rf $(CROSS_BUILD)
