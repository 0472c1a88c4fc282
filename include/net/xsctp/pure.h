/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Base types for xsctp's pure code (parser, TSN arithmetic, timer wheel,
 * SACK map): the same source builds in the kernel and in userspace for
 * unit tests and libFuzzer, so it may include nothing but this header.
 */
#ifndef _XSCTP_PURE_H
#define _XSCTP_PURE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/byteorder.h>
#else
/* Userspace stand-ins for the kernel API above (tools/unit is on -I). */
#include "pure_user.h"
#endif

#endif /* _XSCTP_PURE_H */
