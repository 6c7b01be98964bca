# deploy/deb.mk - `make deb`: the Debian package of openday, built with
# Debian's own tools (included by the Makefile).
#
#   make deb                       this machine's architecture; the binary is
#                                  built afresh with Debian's hardening flags
#   make deb ARCH=arm64            package a cross-built binary, by default
#                                  build/arm64/openday (make cross ARCH=arm64)
#   make deb ARCH=armhf BIN=FILE   package the binary FILE
#   make deb-lint                  the package, then lintian on it
#
# Result: $(BUILD)/openday_$(VERSION)_$(ARCH).deb. The staging tree is laid
# out like a Debian source tree ($(BUILD)/deb-src/debian/...) so that
# dpkg-shlibdeps and dpkg-gencontrol work as they do for any package:
# Depends comes from the shared libraries the binary really links, and
# Installed-Size from the staged files. The packaging files themselves are in
# deploy/deb/ (control, changelog, maintainer scripts, copyright, man page).

# dpkg-dev: dpkg-shlibdeps, dpkg-gencontrol, dpkg-buildflags; lintian: the
# package check; systemd: systemd-analyze for
# tests/e2e/quick/check_service.sh.
DEB_PKGS += dpkg-dev lintian systemd

DEB_NATIVE_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
# Only an ARCH given on the command line selects a foreign package: an ARCH
# from the environment (kernel builds export ARCH=x86_64) or from another .mk
# does not.
ifeq ($(origin ARCH),command line)
DEB_ARCH := $(ARCH)
else
DEB_ARCH := $(DEB_NATIVE_ARCH)
endif

DEB_SRC  := $(BUILD)/deb-src
DEB_ROOT := $(DEB_SRC)/debian/openday
DEB_OUT  := $(BUILD)/openday_$(VERSION)_$(DEB_ARCH).deb

# Which binary goes in: BIN= from the command line as it is; else for a
# foreign ARCH the cross build's; else one built here for the package.
ifeq ($(origin BIN),command line)
DEB_BIN := $(BIN)
DEB_BIN_TARGET :=
else ifneq ($(DEB_ARCH),$(DEB_NATIVE_ARCH))
DEB_BIN := build/$(DEB_ARCH)/openday
DEB_BIN_TARGET :=
else
DEB_BIN := $(BUILD)/deb-bin/openday
DEB_BIN_TARGET := deb-bin
endif

# Deferred (=): these run only inside the deb targets, after `make deps` has
# installed dpkg-dev.
ifeq ($(DEB_ARCH),$(DEB_NATIVE_ARCH))
DEB_STRIP = strip
else
DEB_STRIP = $(shell dpkg-architecture -a$(DEB_ARCH) -qDEB_HOST_GNU_TYPE 2>/dev/null)-strip
endif
DEB_CHANGELOG_VERSION = $(shell dpkg-parsechangelog -l deploy/deb/changelog -SVersion)
# Reproducible: file times clamped to the date of the changelog entry.
DEB_EPOCH = $(shell dpkg-parsechangelog -l deploy/deb/changelog -STimestamp)

.PHONY: deb deb-lint deb-package deb-bin

deb: deps
	@$(MAKE) --no-print-directory deb-package

deb-lint: deb
	lintian --info --display-info $(DEB_OUT)

# The binary for a native package, compiled with the flags Debian uses for
# its own packages (stack protector, _FORTIFY_SOURCE, full RELRO, bind now).
# They go in through the environment: the Makefile appends its own CFLAGS to
# an environment CFLAGS, and links with CFLAGS, so the -Wl options reach the
# linker.
deb-bin:
	@flags="$$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CFLAGS) \
	  $$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CPPFLAGS) \
	  $$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)"; \
	CFLAGS="$$flags" $(MAKE) --no-print-directory BUILD=$(BUILD)/deb-bin all

# VERSION has no Debian revision (no "-1"), so this is a native package,
# whose changelog Debian names changelog.gz (lintian warns about the
# changelog.Debian.gz of non-native packages). Conffiles are left out of
# md5sums, as dh_md5sums does: dpkg tracks their checksums itself.
deb-package: $(DEB_BIN_TARGET)
	@[ "$(DEB_CHANGELOG_VERSION)" = "$(VERSION)" ] || { \
	  echo "make deb: deploy/deb/changelog is at $(DEB_CHANGELOG_VERSION) but VERSION says $(VERSION):" \
	       "add an entry for $(VERSION) at the top of deploy/deb/changelog" >&2; exit 1; }
	@[ -x "$(DEB_BIN)" ] || { echo "make deb: no binary $(DEB_BIN) for $(DEB_ARCH)" \
	  "(cross-build it first, or give BIN=FILE)" >&2; exit 1; }
	rm -rf $(DEB_SRC)
	install -d -m 0755 $(DEB_SRC)/debian $(DEB_ROOT)/DEBIAN $(DEB_ROOT)/usr/bin \
	  $(DEB_ROOT)/usr/share/openday/content $(DEB_ROOT)/lib/systemd/system \
	  $(DEB_ROOT)/etc/openday $(DEB_ROOT)/usr/share/doc/openday \
	  $(DEB_ROOT)/usr/share/man/man1 $(DEB_ROOT)/usr/share/lintian/overrides \
	  $(DEB_ROOT)/lib/udev/rules.d
	install -m 0644 deploy/deb/control deploy/deb/changelog $(DEB_SRC)/debian/
	install -m 0755 $(DEB_BIN) $(DEB_ROOT)/usr/bin/openday
	$(DEB_STRIP) --remove-section=.comment --remove-section=.note --strip-unneeded \
	  $(DEB_ROOT)/usr/bin/openday
	cp -R content/. $(DEB_ROOT)/usr/share/openday/content/
	chmod -R u=rwX,go=rX $(DEB_ROOT)/usr/share/openday/content
	install -m 0644 deploy/openday.service deploy/openday-cage.service \
	  $(DEB_ROOT)/lib/systemd/system/
	install -m 0644 deploy/openday.conf $(DEB_ROOT)/etc/openday/openday.conf
	install -m 0644 deploy/70-openday-backlight.rules $(DEB_ROOT)/lib/udev/rules.d/
	install -m 0644 deploy/deb/copyright $(DEB_ROOT)/usr/share/doc/openday/copyright
	install -m 0644 deploy/deb/lintian-overrides $(DEB_ROOT)/usr/share/lintian/overrides/openday
	gzip -9n <deploy/deb/changelog >$(DEB_ROOT)/usr/share/doc/openday/changelog.gz
	sed 's/@VERSION@/$(VERSION)/' deploy/deb/openday.1 | gzip -9n \
	  >$(DEB_ROOT)/usr/share/man/man1/openday.1.gz
	chmod 0644 $(DEB_ROOT)/usr/share/doc/openday/changelog.gz \
	  $(DEB_ROOT)/usr/share/man/man1/openday.1.gz
	install -m 0755 deploy/deb/postinst deploy/deb/prerm deploy/deb/postrm $(DEB_ROOT)/DEBIAN/
	install -m 0644 deploy/deb/conffiles $(DEB_ROOT)/DEBIAN/
	cd $(DEB_ROOT) && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\n' \
	  | LC_ALL=C sort | xargs -d '\n' md5sum >DEBIAN/md5sums
	chmod 0644 $(DEB_ROOT)/DEBIAN/md5sums
	cd $(DEB_SRC) && DEB_HOST_ARCH=$(DEB_ARCH) dpkg-shlibdeps -Tdebian/openday.substvars \
	  debian/openday/usr/bin/openday
	cd $(DEB_SRC) && DEB_HOST_ARCH=$(DEB_ARCH) dpkg-gencontrol -popenday -v$(VERSION) \
	  -Tdebian/openday.substvars -Pdebian/openday -fdebian/files
	SOURCE_DATE_EPOCH=$(DEB_EPOCH) dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB_OUT)
	@echo "make deb: $(DEB_OUT) ($$(stat -c %s $(DEB_OUT)) bytes)"
