# deploy/cross.mk - builds for both Raspberry Pi OS architectures on a Debian
# amd64 machine, and the whole test suite run under qemu-user.
#
#   make cross ARCH=arm64|armhf        app and test programs in build/ARCH
#   make test-cross ARCH=arm64|armhf   tests/run.sh under qemu-user, headless
#   make deps-cross ARCH=arm64|armhf   install what is missing (cross gcc,
#                                      ARCH -dev packages, qemu-user)
#   add CROSS_SYSROOT=1 to any of them to use a private sysroot (see below)
#
# Nothing is compiled here: the main Makefile is run again with the cross
# compiler, the cross pkg-config and its own BUILD directory.
#
# By default the target libraries are Debian's multiarch packages (dpkg
# --add-architecture ARCH): the foreign loader and libraries land in
# /lib/TRIPLET and /usr/lib/TRIPLET, so qemu finds them without -L. apt keeps
# every Multi-Arch: same library at one version across architectures, so this
# needs the mirror's ARCH indexes (security included) to be complete.
#
# Some libraries are not multiarch (libunibreak installs into /usr/lib, its
# .pc file into /usr/lib/pkgconfig): the sysroot's pkg-config looks there too.
#
# CROSS_SYSROOT=1 leaves dpkg alone: apt-get, with its own state directory,
# downloads the ARCH packages and they are unpacked into build/sysroot-ARCH,
# used by gcc --sysroot, pkg-config and qemu -L. Delete that folder to update
# it. Its fontconfig files and fonts are removed so that the emulated program,
# which looks in the sysroot first, reads the machine's /etc/fonts and fonts.

CROSS_TRIPLET_arm64 := aarch64-linux-gnu
CROSS_TRIPLET_armhf := arm-linux-gnueabihf
CROSS_QEMU_arm64    := qemu-aarch64
CROSS_QEMU_armhf    := qemu-arm

CROSS_TRIPLET = $(CROSS_TRIPLET_$(ARCH))
CROSS_BUILD   = build/$(ARCH)

# Host tools, then the target's libraries: every lib*-dev that the native
# build installs (DEB_PKGS in the Makefile), for ARCH. Fonts and fontconfig's
# configuration are architecture-independent and come from the native `deps`.
CROSS_HOST_PKGS = crossbuild-essential-$(ARCH) qemu-user
CROSS_LIB_PKGS  = $(filter lib%-dev,$(DEB_PKGS))
CROSS_APT = $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600

ifeq ($(CROSS_SYSROOT),1)
CROSS_SR     = $(CURDIR)/build/sysroot-$(ARCH)
CROSS_SR_LIB = $(CROSS_SR)/usr/lib/$(CROSS_TRIPLET)
CROSS_PKG_CONFIG = env PKG_CONFIG_SYSROOT_DIR=$(CROSS_SR) \
    PKG_CONFIG_LIBDIR=$(CROSS_SR_LIB)/pkgconfig:$(CROSS_SR)/usr/lib/pkgconfig:$(CROSS_SR)/usr/share/pkgconfig \
    PKG_CONFIG_SYSTEM_INCLUDE_PATH=$(CROSS_SR)/usr/include \
    PKG_CONFIG_SYSTEM_LIBRARY_PATH=$(CROSS_SR_LIB) pkg-config
CROSS_VARS = CC='$(CROSS_TRIPLET)-gcc --sysroot=$(CROSS_SR)' \
             PKG_CONFIG='$(CROSS_PKG_CONFIG)' BUILD=$(CROSS_BUILD)
CROSS_EXEC = $(CROSS_QEMU_$(ARCH)) -L $(CROSS_SR)
CROSS_PKGS = $(CROSS_HOST_PKGS)
else
# pkgconf:ARCH provides TRIPLET-pkg-config.
CROSS_VARS = CC=$(CROSS_TRIPLET)-gcc PKG_CONFIG=$(CROSS_TRIPLET)-pkg-config \
             BUILD=$(CROSS_BUILD)
CROSS_EXEC = $(CROSS_QEMU_$(ARCH))
CROSS_PKGS = $(CROSS_HOST_PKGS) $(addsuffix :$(ARCH),$(CROSS_LIB_PKGS) pkgconf)
endif

# Stops make with a clear message unless ARCH is one we know.
cross_arch_ok = $(if $(CROSS_TRIPLET),,$(error ARCH must be arm64 or armhf, e.g. make cross ARCH=arm64))

.PHONY: cross test-cross deps-cross clean-cross

deps-cross:
	$(cross_arch_ok)
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; update=0; added=0; \
	if [ "$(CROSS_SYSROOT)" != 1 ] && \
	   ! { dpkg --print-architecture; dpkg --print-foreign-architectures; } | grep -qx '$(ARCH)'; then \
	  echo "make deps-cross: adding architecture $(ARCH)"; \
	  n=0; until $$SUDO dpkg --add-architecture $(ARCH); do \
	    n=$$((n + 1)); [ $$n -lt 60 ] || exit 1; sleep 10; done; \
	  update=1; added=1; \
	fi; \
	[ "$(CROSS_SYSROOT)" = 1 ] || ls /var/lib/apt/lists/*_binary-$(ARCH)_Packages* >/dev/null 2>&1 || update=1; \
	missing=""; for p in $(CROSS_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	[ -n "$$missing" ] || exit 0; \
	echo "make deps-cross: installing$$missing"; \
	up() { $(CROSS_APT) update -qq || echo "make deps-cross: apt-get update reported errors (above); going on"; }; \
	get() { $(CROSS_APT) install -y -qq --no-install-recommends --no-remove $$missing; }; \
	[ $$update = 0 ] || up; \
	get || { [ $$update = 0 ] && up && get; } && exit 0; \
	if [ $$added = 1 ]; then $$SUDO dpkg --remove-architecture $(ARCH) && \
	  echo "make deps-cross: removed architecture $(ARCH) again"; fi; \
	echo "make deps-cross: the $(ARCH) packages cannot be installed beside this machine's;"; \
	echo "  if its $(ARCH) index is missing or out of date, try CROSS_SYSROOT=1"; exit 1
ifeq ($(CROSS_SYSROOT),1)
	@sr='$(CROSS_SR)'; a="$$sr.apt"; [ -f "$$sr/.complete" ] && exit 0; \
	echo "make deps-cross: unpacking the $(ARCH) libraries into $$sr"; \
	rm -rf "$$sr" "$$a" && mkdir -p "$$sr" "$$a/state/lists/partial" "$$a/cache/archives/partial" && \
	: >"$$a/status" || exit 1; \
	o="-o Dir::State=$$a/state -o Dir::State::status=$$a/status -o Dir::Cache=$$a/cache"; \
	o="$$o -o APT::Architecture=$(ARCH) -o APT::Architectures::=$(ARCH) -o Debug::NoLocking=1"; \
	apt-get $$o update -qq || echo "make deps-cross: apt-get update reported errors (above); going on"; \
	apt-get $$o install --download-only -y -qq --no-install-recommends \
	  $(CROSS_LIB_PKGS) libc6-dev || exit 1; \
	for d in "$$a"/cache/archives/*.deb; do dpkg-deb -x "$$d" "$$sr" || exit 1; done; \
	find "$$sr" -type l -lname '/*' | while read -r l; do \
	  ln -sfn "$$(realpath -m --relative-to="$$(dirname "$$l")" "$$sr$$(readlink "$$l")")" "$$l"; \
	done; \
	rm -rf "$$sr/etc/fonts" "$$sr/usr/share/fonts" "$$sr/var/cache/fontconfig" "$$a" && \
	touch "$$sr/.complete"
endif

cross: deps-cross
	$(cross_arch_ok)
	$(MAKE) $(CROSS_VARS) all $(TESTS_SRC:tests/unit/%.c=$(CROSS_BUILD)/tests/%)

# The Makefile's own `test` target, with every program started through qemu
# (see the OPENDAY_EXEC convention at the top of tests/run.sh).
test-cross: cross
	OPENDAY_EXEC='$(CROSS_EXEC)' OPENDAY_CROSS_SYSROOT='$(CROSS_SYSROOT)' $(MAKE) $(CROSS_VARS) test

clean-cross:
	$(cross_arch_ok)
	rm -rf $(CROSS_BUILD) $(if $(filter 1,$(CROSS_SYSROOT)),$(CURDIR)/build/sysroot-$(ARCH))
