# SPDX-License-Identifier: GPL-2.0
# xsctp: SCTP (RFC 9260) as a loadable Linux kernel module.
#   make              build xsctp.ko for KDIR (W=1)
#   make all-kernels  build for every installed supported kernel
#   make install      modules_install + depmod (for KDIR)
#   make deps         apt-get what the build, tests and demo need
#   make check        the whole test suite (host, then a guest per kernel)
#   make demo         boot a guest and show xsctp at work
#   make unit | fuzz | fuzz-long | lint | bench
KVER_LATEST := $(lastword $(shell tools/build/kvers 2>/dev/null))
KDIR ?= $(if $(wildcard /lib/modules/$(shell uname -r)/build/Makefile),\
	/lib/modules/$(shell uname -r)/build,\
	$(if $(KVER_LATEST),/usr/src/linux-headers-$(KVER_LATEST)))

all: modules

modules:
	@test -n "$(KDIR)" || { echo "no kernel headers: run make deps"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

all-kernels:
	@for k in $$(tools/build/kvers); do tools/build/module $$k || exit 1; done

# Debian's 6.1 headers say 6.1.x in kernel.release; the module's vermagic
# (and /lib/modules) use UTS_RELEASE, so install under that name.
KREL = $(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h)

install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) KERNELRELEASE=$(KREL) modules_install
	depmod -a $(KREL)

deps:
	tools/deps

unit:
	$(MAKE) -C tools/unit run

fuzz:
	$(MAKE) -C tools/fuzz smoke

fuzz-long:
	$(MAKE) -C tools/fuzz long

lint: deps
	tools/build/lint

check: deps
	tools/check

demo: deps
	tools/demo

bench: deps
	tools/bench/run

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	rm -rf build

.PHONY: all modules all-kernels install deps unit fuzz fuzz-long lint \
	check demo bench clean
